import { validationError } from '../core/app-error.js';
import { extractRunbooks } from './extract/extract-runbooks.js';
import type { DecodeReport } from './runbook-api-model.js';
import { sha256Hex } from './runbook-hash.js';
import type { Extraction } from './runbook-model.js';
import { assignSlugs } from './slugify-title.js';
import { decodeRunbookText } from './text/decode-runbook-text.js';

/** One uploaded file, as the transports hand it over. */
export interface RunbookUpload {
  /** The name (or relative path) of the file, shown in reports and used to title a runbook without heading. */
  filename: string;
  /** The raw bytes, in whatever encoding the file came. */
  content: Uint8Array;
}

/** A file read and analysed, ready to be stored (or only linted). */
export interface PreparedImport {
  filename: string;
  content: Uint8Array;
  sha256: string;
  /** The repaired text every line number refers to. */
  text: string;
  decode: DecodeReport;
  extraction: Extraction;
  /** The id each extracted runbook gets, in order. */
  runbookIds: string[];
}

const maxFilenameLength = 500;

/**
 * Decodes and analyses one file, without touching the database: the import stores the result,
 * offline lint only looks at it. Throws a 400 for an empty, unnamed or non-text file.
 */
export async function prepareRunbookImport(upload: RunbookUpload): Promise<PreparedImport> {
  const filename = upload.filename.trim();
  if (filename === '' || filename.length > maxFilenameLength) {
    throw validationError('a file name is needed', [
      { path: '/filename', message: `must be 1 to ${maxFilenameLength} characters` },
    ]);
  }
  if (upload.content.length === 0)
    throw validationError(`${filename} is empty`, [{ path: '/content', message: 'the file is empty' }]);
  const decoded = decodeRunbookText(upload.content);
  const extraction = await extractRunbooks(decoded.text, { filename });
  return {
    filename,
    content: upload.content,
    sha256: sha256Hex(upload.content),
    text: decoded.text,
    decode: { encoding: decoded.encoding, lineEndings: decoded.lineEndings, repairs: decoded.repairs },
    extraction,
    runbookIds: assignSlugs(extraction.runbooks.map((runbook) => runbook.title)),
  };
}
