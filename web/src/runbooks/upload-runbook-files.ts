import { ApiError } from '../api';
import type { ImportReport } from './runbook-types';

/** Extensions the picker offers; the server reads any text and refuses the rest with the file's name. */
export const acceptedFiles = '.md,.markdown,.txt,text/markdown,text/plain';

/**
 * Sends the files as one multipart upload, the form `POST /api/v1/runbook-sources` reads for
 * several files: the bytes go as they are, so the server sees the file's own encoding and can
 * repair it (a JSON body would have to re-encode them). The server imports all of them or none.
 *
 * `api()` speaks JSON only, hence this fetch; it fails the same way (ApiError, status 0 when the
 * server cannot be reached).
 */
export async function uploadRunbookFiles(files: readonly File[], csrfToken: string): Promise<ImportReport[]> {
  const form = new FormData();
  files.forEach((file, index) => form.append(`file${index}`, file, file.name));
  let response: Response;
  try {
    response = await fetch('/api/v1/runbook-sources', {
      method: 'POST',
      // No content-type: the browser writes multipart/form-data with its boundary.
      headers: { accept: 'application/json', 'x-csrf-token': csrfToken },
      credentials: 'same-origin',
      body: form,
    });
  } catch (error) {
    throw new ApiError(error instanceof Error ? error.message : String(error), 0, 'network');
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // A proxy's HTML page: reported below with the status alone.
  }
  if (!response.ok) {
    const body = typeof parsed === 'object' && parsed !== null ? (parsed as { error?: unknown; message?: unknown; details?: unknown }) : {};
    const message = typeof body.message === 'string' ? body.message : `HTTP ${response.status} ${response.statusText}`.trim();
    const details = typeof body.details === 'object' && body.details !== null ? (body.details as Record<string, unknown>) : {};
    throw new ApiError(message, response.status, typeof body.error === 'string' ? body.error : 'http', details);
  }
  // Multipart always answers a list; one report alone would be a server change, taken in stride.
  return Array.isArray(parsed) ? (parsed as ImportReport[]) : [parsed as ImportReport];
}
