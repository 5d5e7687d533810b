import { CliError, exitCodes, type CliIo } from './cli-io.js';

export const defaultApiUrl = 'http://127.0.0.1:8080';

/** Where the API is and how to authenticate: flags first, then ASTREINTE_URL / ASTREINTE_TOKEN. */
export interface ApiTarget {
  url: string;
  token: string | undefined;
}

export function apiTarget(options: { url?: string; token?: string }, env: CliIo['env']): ApiTarget {
  const token = options.token ?? env['ASTREINTE_TOKEN'];
  return {
    url: options.url ?? nonEmpty(env['ASTREINTE_URL']) ?? defaultApiUrl,
    token: token === undefined || token === '' ? undefined : token,
  };
}

type QueryValue = string | number | boolean | string[] | undefined;

/** The error body every failing API call answers with (`src/http/error-mapping.ts`). */
interface ErrorBody {
  error: string;
  message: string;
  details?: { issues?: { path: string; message: string }[]; allowedNextStates?: string[]; allowedActions?: string[] };
}

/**
 * A small fetch-based client of the Astreinte HTTP API: JSON in and out, Bearer token. Every failure
 * becomes a CliError with one clear line (and the failing fields, or the allowed next states).
 */
export class ApiClient {
  constructor(
    private readonly target: ApiTarget,
    private readonly timeoutMs = 30_000,
  ) {}

  async request<T>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    path: string,
    options: { query?: Record<string, QueryValue>; body?: unknown } = {},
  ): Promise<T> {
    const url = this.urlOf(path, options.query ?? {});
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.target.token !== undefined) headers['authorization'] = `Bearer ${this.target.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw this.connectionError(error);
    }
    const text = await response.text();
    if (!response.ok) throw this.apiError(response, text);
    // 204 No Content (a delete) has no body to parse.
    if (response.status === 204) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new CliError(
        `${this.target.url} answered ${method} ${path} with something that is not JSON (is it an Astreinte server?)`,
      );
    }
  }

  private urlOf(path: string, query: Record<string, QueryValue>): URL {
    let url: URL;
    try {
      // Concatenated, not resolved, so that a base behind a reverse proxy (`https://host/astreinte`) keeps its path.
      url = new URL(this.target.url.replace(/\/+$/, '') + path);
    } catch {
      throw new CliError(
        `"${this.target.url}" is not a valid server URL (set --url or ASTREINTE_URL)`,
        exitCodes.usage,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new CliError(`"${this.target.url}" is not an http(s) URL (set --url or ASTREINTE_URL)`, exitCodes.usage);
    }
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item));
    }
    return url;
  }

  private connectionError(error: unknown): CliError {
    const where = this.target.url;
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return new CliError(`no answer from Astreinte at ${where} within ${this.timeoutMs / 1000} s`);
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const hint = 'is the server running? (set --url or ASTREINTE_URL)';
    switch (cause?.code) {
      case 'ECONNREFUSED':
        return new CliError(`cannot connect to Astreinte at ${where}: connection refused — ${hint}`);
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return new CliError(`cannot connect to Astreinte at ${where}: unknown host — check --url or ASTREINTE_URL`);
      case 'ECONNRESET':
        return new CliError(
          `the connection to Astreinte at ${where} was cut before an answer — retry, or check the server's logs`,
        );
      default:
        if (cause?.message === 'bad port')
          return new CliError(
            `cannot use ${where}: fetch refuses that port (reserved for other protocols)`,
            exitCodes.usage,
          );
        return new CliError(
          `cannot reach Astreinte at ${where}: ${cause?.message ?? (error as Error).message} — ${hint}`,
        );
    }
  }

  private apiError(response: Response, text: string): CliError {
    const body = parseErrorBody(text);
    if (body === undefined) {
      return new CliError(
        `${this.target.url} answered HTTP ${response.status} ${response.statusText}: ${text.slice(0, 200).trim() || '(empty body)'}`,
      );
    }
    const details: string[] = [];
    for (const issue of body.details?.issues ?? []) details.push(`  ${issue.path}: ${issue.message}`);
    if (body.details?.allowedNextStates !== undefined) {
      details.push(`  allowed next states: ${body.details.allowedNextStates.join(', ') || 'none'}`);
    }
    if (body.details?.allowedActions !== undefined)
      details.push(`  allowed actions: ${body.details.allowedActions.join(', ') || 'none'}`);
    if (response.status === 401) {
      details.push(
        this.target.token === undefined
          ? '  no API token was given: pass --token or set ASTREINTE_TOKEN (an operator can create one with `astreinte token create`)'
          : '  the token given (--token or ASTREINTE_TOKEN) was refused: check it, or create a new one with `astreinte token create`',
      );
    }
    return new CliError(`${body.message} (HTTP ${response.status} ${body.error})`, exitCodes.failed, details);
  }
}

function parseErrorBody(text: string): ErrorBody | undefined {
  try {
    const parsed = JSON.parse(text) as Partial<ErrorBody> | null;
    if (parsed !== null && typeof parsed.error === 'string' && typeof parsed.message === 'string')
      return parsed as ErrorBody;
  } catch {
    // not JSON: a proxy's error page, say; reported with its status and first characters
  }
  return undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
