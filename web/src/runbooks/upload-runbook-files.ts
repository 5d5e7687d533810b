import { api } from '../api';
import type { ImportReport } from './runbook-types';

/** Extensions the picker offers; the server reads any text and refuses the rest with the file's name. */
export const acceptedFiles = '.md,.markdown,.txt,text/markdown,text/plain';

/**
 * Sends the files as one multipart upload, the form `POST /api/v1/runbook-sources` reads for
 * several files: the bytes go as they are, so the server sees the file's own encoding and can
 * repair it (a JSON body would have to re-encode them). The server imports all of them or none.
 */
export async function uploadRunbookFiles(files: readonly File[]): Promise<ImportReport[]> {
  const form = new FormData();
  files.forEach((file, index) => form.append(`file${index}`, file, file.name));
  const answer = await api<ImportReport[] | ImportReport>('POST', '/api/v1/runbook-sources', form);
  // Multipart always answers a list; one report alone would be a server change, taken in stride.
  return Array.isArray(answer) ? answer : [answer];
}
