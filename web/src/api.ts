/**
 * The one way the console talks to the server: same-origin fetch with the session cookie, JSON in
 * and out, the CSRF token on every change, and error bodies turned into thrown `ApiError`s.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The body every failing API call answers with (`src/http/error-mapping.ts`). */
interface ErrorBody {
  error: string;
  message: string;
  details?: Record<string, unknown>;
}

/** A failed call. `status` 0 means the server could not be reached at all. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};

/** The CSRF token of the current session (null once signed out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** What to do when the session is gone (expired, signed out elsewhere): the app sends to sign-in. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

/** `?a=1&status=x&status=y`: arrays repeat their key, which the server's query parser reads as a list. */
export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (typeof value === 'object') for (const item of value) params.append(key, item);
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}

/**
 * Calls the API and returns its JSON answer (undefined for 204). Throws ApiError on any failure.
 * The body is sent as JSON, or as multipart when it is a FormData (file uploads).
 */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A FormData goes as multipart: the browser writes the content type with its boundary.
  const multipart = body instanceof FormData;
  // Only with a body: the server refuses an empty body declared as JSON.
  if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: multipart ? body : JSON.stringify(body) }),
    });
  } catch (error) {
    throw new ApiError(error instanceof Error ? error.message : String(error), 0, 'network');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // A proxy's HTML error page, say: reported below with the status alone.
  }
  if (!response.ok) {
    // A wrong password on /auth/sign-in is also a 401: that one belongs to the form, not a redirect.
    if (response.status === 401 && !path.startsWith('/auth/')) onUnauthenticated();
    if (isErrorBody(parsed)) throw new ApiError(parsed.message, response.status, parsed.error, parsed.details ?? {});
    throw new ApiError(`HTTP ${response.status} ${response.statusText}`.trim(), response.status, 'http');
  }
  return parsed as T;
}
