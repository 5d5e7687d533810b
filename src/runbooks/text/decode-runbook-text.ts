import { decodeTextBytes, type TextEncoding } from './detect-encoding.js';
import { repairMojibake, type MojibakeRepairs } from './repair-mojibake.js';

export type { TextEncoding } from './detect-encoding.js';
export type { MojibakeRepairs } from './repair-mojibake.js';

/** How a text ended its lines before normalisation; `mixed` when it used more than one convention. */
export type LineEndings = 'lf' | 'crlf' | 'cr' | 'mixed';

/** An uploaded runbook as text, with what it took to get there, for the import report. */
export interface DecodedText {
  /** Unicode text, LF line endings, mojibake repaired. */
  text: string;
  /** How the bytes were encoded. */
  encoding: TextEncoding;
  /** The line endings found in the upload (the text itself always uses LF). */
  lineEndings: LineEndings;
  repairs: MojibakeRepairs;
}

const cr = 0x0d;
const lf = 0x0a;

/**
 * Rewrites CRLF and lone CR as LF, so that line numbers, Markdown parsing and diffs do not depend
 * on the editor that saved the runbook, and reports which convention was found. A text without
 * any line break counts as `lf`. Text that already uses LF only is returned as the same string.
 */
export function normalizeLineEndings(text: string): { text: string; lineEndings: LineEndings } {
  // Most uploads use LF only: one native search instead of a loop over every character.
  if (!text.includes('\r')) return { text, lineEndings: 'lf' };
  let crlf = 0;
  let loneCr = 0;
  let loneLf = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit === lf) {
      loneLf += 1;
    } else if (unit === cr && text.charCodeAt(i + 1) === lf) {
      crlf += 1;
      i += 1;
    } else if (unit === cr) {
      loneCr += 1;
    }
  }
  const kinds = [crlf, loneCr, loneLf].filter((count) => count > 0).length;
  let lineEndings: LineEndings = 'lf';
  if (kinds > 1) lineEndings = 'mixed';
  else if (crlf > 0) lineEndings = 'crlf';
  else if (loneCr > 0) lineEndings = 'cr';
  if (crlf === 0 && loneCr === 0) return { text, lineEndings };
  return { text: text.replace(/\r\n?/g, '\n'), lineEndings };
}

/**
 * The text layer of the runbook importer: decodes the bytes of an uploaded Markdown runbook
 * (UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252 when the bytes are not UTF-8),
 * normalises line endings to LF, and repairs mojibake left by an earlier misreading.
 * Throws a validation error (400, path `/content`) when the bytes are not text.
 */
export function decodeRunbookText(bytes: Uint8Array): DecodedText {
  const decoded = decodeTextBytes(bytes);
  const { text: normalized, lineEndings } = normalizeLineEndings(decoded.text);
  const { text: repaired, repairs } = repairMojibake(normalized);
  // A byte-order mark that was itself misread (`ï»¿`) comes back as U+FEFF at the start: it is
  // an encoding artefact, not content.
  const text = repairs.count > 0 && repaired.startsWith('\ufeff') ? repaired.slice(1) : repaired;
  return { text, encoding: decoded.encoding, lineEndings, repairs };
}
