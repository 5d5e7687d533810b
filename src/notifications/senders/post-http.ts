import {
  abortedResult,
  attemptSignal,
  checkSendRequest,
  failedResult,
  isRetryableStatus,
  sentResult,
  type DeliveryResult,
  type SendRequest,
} from '../delivery-result.js';

/** One HTTP POST of a delivery. */
export interface HttpPost {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** The result, and the start of the response body for senders that read an id from it. */
export interface HttpPostOutcome {
  result: DeliveryResult;
  responseBody: string;
}

// Enough for any provider's JSON answer or error text; a larger body is not read further.
const maxResponseBytes = 64 * 1024;
const maxErrorChars = 300;

/**
 * Posts with Node's fetch and classifies the outcome; never throws. Errors name the host only:
 * chat webhook URLs carry their credential in the path. Redirects are not followed.
 */
export async function postHttp(request: SendRequest<unknown>, post: HttpPost): Promise<HttpPostOutcome> {
  const refused = checkSendRequest(request);
  if (refused !== undefined) return { result: refused, responseBody: '' };
  if (!URL.canParse(post.url))
    return { result: failedResult(false, 'the channel URL is not a valid URL'), responseBody: '' };
  const host = new URL(post.url).host;
  const { signal, timeoutMs } = attemptSignal(request);
  try {
    const response = await fetch(post.url, {
      method: 'POST',
      headers: post.headers,
      body: post.body,
      signal,
      redirect: 'manual',
    });
    // The status decides; a body cut short (timeout, reset) only loses the error detail.
    const responseBody = await readStart(response).catch(() => '');
    const status = response.status;
    if (status >= 200 && status <= 299) return { result: sentResult({ status }), responseBody };
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    const detail = responseBody.trim().slice(0, maxErrorChars);
    const error =
      status >= 300 && status <= 399
        ? `${host} answered HTTP ${status} (redirects are not followed)`
        : `${host} answered HTTP ${status}${detail === '' ? '' : `: ${detail}`}`;
    return {
      result: failedResult(isRetryableStatus(status), error, {
        status,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      }),
      responseBody,
    };
  } catch (error) {
    if (signal.aborted) return { result: abortedResult(request, timeoutMs), responseBody: '' };
    // fetch rejects with "fetch failed" and the socket error as cause: refused, reset, DNS, TLS.
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    return { result: failedResult(true, `could not reach ${host}: ${reason}`), responseBody: '' };
  }
}

/**
 * Retry-After in milliseconds, from seconds or an HTTP date; undefined when absent or unreadable.
 */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

async function readStart(response: Response): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < maxResponseBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    // Releases the connection when the body is larger than what is read.
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, maxResponseBytes);
}
