import type { ApiTarget } from './api-client.js';
import { CliError } from './cli-io.js';

/**
 * Fetches an export of a post-mortem as text (the JSON client parses JSON only). Failures are
 * told as the API client tells them: the server's message and status.
 */
export async function fetchPostmortemExport(
  target: ApiTarget,
  incidentId: string,
  extension: 'md' | 'html',
): Promise<string> {
  const url = `${target.url.replace(/\/+$/, '')}/api/v1/incidents/${encodeURIComponent(incidentId)}/postmortem.${extension}`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: target.token === undefined ? {} : { authorization: `Bearer ${target.token}` },
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new CliError(
      `cannot reach Astreinte at ${target.url}: ${(error as Error).message} — is the server running? (set --url or ASTREINTE_URL)`,
    );
  }
  const text = await response.text();
  if (response.ok) return text;
  let message = `HTTP ${response.status}`;
  try {
    const body = JSON.parse(text) as { error?: string; message?: string };
    if (typeof body.message === 'string')
      message = `${body.message} (HTTP ${response.status} ${body.error ?? ''})`.replace(/ \)$/, ')');
  } catch {
    // not JSON: the status alone says it
  }
  throw new CliError(message);
}
