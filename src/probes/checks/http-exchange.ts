import { request as requestHttp, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as requestHttps, type RequestOptions } from 'node:https';
import { TLSSocket } from 'node:tls';
import type { TlsOptions } from '../kinds/target-fields.js';
import { readCertificateFacts } from './certificate-facts.js';

/** Bytes of a response body kept: a health page is small; a 2 GB download must not fill memory. */
export const bodyLimitBytes = 1024 * 1024;

/** One request of an HTTP check (the first, or one after a redirect). */
export interface HttpRequestPlan {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  tls: TlsOptions | undefined;
}

/** What one request got back. */
export interface HttpExchange {
  status: number;
  /** Lower-case names; repeated headers (`set-cookie`) joined with `, `. */
  headers: Record<string, string>;
  /** UTF-8, at most `bodyLimitBytes`. */
  body: string;
  truncated: boolean;
  ip: string | null;
  /** Milliseconds until the leaf certificate expires, for https. */
  certificateExpirationMs: number | null;
}

/**
 * Sends one request on a fresh connection (`agent: false`: a kept-alive socket would hide the
 * connect and TLS handshake a user's first request pays) and reads the response. Rejects on a
 * connection, TLS or protocol error, and with `signal.reason` when the signal aborts.
 */
export function sendHttpRequest(plan: HttpRequestPlan, signal: AbortSignal): Promise<HttpExchange> {
  return new Promise((resolve, reject) => {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the signal's own reason, whatever its aborter chose
    if (signal.aborted) return reject(signal.reason);
    const isHttps = plan.url.protocol === 'https:';
    const headers: Record<string, string> = { ...plan.headers };
    // Set last so it wins over a user's `Content-Length` of another case; Node would chunk otherwise.
    if (plan.body !== undefined) headers['content-length'] = String(Buffer.byteLength(plan.body));
    const options: RequestOptions = {
      method: plan.method,
      headers,
      agent: false,
      ...(isHttps ? tlsRequestOptions(plan.tls) : {}),
    };
    const request = (isHttps ? requestHttps : requestHttp)(plan.url, options);

    let settled = false;
    const settle = (outcome: { exchange: HttpExchange } | { error: unknown }): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      request.destroy();
      if ('exchange' in outcome) {
        resolve(outcome.exchange);
        return;
      }
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the request's error or the signal's reason, passed on as they are
      reject(outcome.error);
    };
    const onAbort = (): void => settle({ error: signal.reason });
    signal.addEventListener('abort', onAbort, { once: true });
    request.on('error', (error) => settle({ error }));
    request.on('response', (response) => {
      const socket = response.socket;
      const facts = socket instanceof TLSSocket ? readCertificateFacts(socket.getPeerCertificate()) : null;
      const received = {
        status: response.statusCode ?? 0,
        headers: flattenHeaders(response.headers),
        ip: socket.remoteAddress ?? null,
        certificateExpirationMs: facts?.expirationMs ?? null,
      };
      readBody(
        response,
        (body, truncated) => settle({ exchange: { ...received, body, truncated } }),
        (error) => settle({ error }),
      );
    });
    request.end(plan.body);
  });
}

function tlsRequestOptions(tls: TlsOptions | undefined): RequestOptions {
  return {
    // With `insecure` the handshake still completes, so the expiry is read all the same.
    rejectUnauthorized: tls?.insecure !== true,
    ...(tls?.ca === undefined ? {} : { ca: tls.ca }),
    ...(tls?.serverName === undefined ? {} : { servername: tls.serverName }),
  };
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** Reads up to `bodyLimitBytes`, then stops the download (the socket is not reused anyway). */
function readBody(
  response: IncomingMessage,
  onBody: (body: string, truncated: boolean) => void,
  onError: (error: Error) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  // A multi-byte character cut at the limit decodes as U+FFFD: acceptable for a truncated body.
  const decode = (): string => Buffer.concat(chunks).toString('utf8');
  response.on('data', (chunk: Buffer) => {
    const room = bodyLimitBytes - size;
    if (chunk.length > room) {
      chunks.push(chunk.subarray(0, room));
      size = bodyLimitBytes;
      onBody(decode(), true);
      return;
    }
    chunks.push(chunk);
    size += chunk.length;
  });
  response.on('end', () => onBody(decode(), false));
  // Node reports a connection closed mid-body as an `aborted` ECONNRESET error on the response.
  response.on('error', onError);
}
