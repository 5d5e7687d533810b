import { isSecretName } from '../../runbooks/steps/placeholders.js';
import type { HttpTarget } from '../kinds/http-probe.js';
import type { CommandContext } from './probe-host.js';
import { allValues, hasAnyFlag, lastValue, readOptions, type ReadOptions } from './read-options.js';

/** What a `curl` command asks, as far as a probe can repeat it. */
export interface CurlRequest {
  /** As written (a placeholder kept), or normalised when it is a plain URL. */
  url: string;
  method: NonNullable<HttpTarget['method']>;
  headers: Record<string, string>;
  secretHeaders: Record<string, string>;
  body: string | null;
  insecure: boolean;
  timeoutMs: number | null;
  needs: string[];
  notes: string[];
  /** Credentials written out in the command, left out. */
  withheld: string[];
}

const valueShort = 'AbcCdDeEFHKmoPQrTuUwxXyYz';
const valueLong = [
  'data',
  'data-raw',
  'data-binary',
  'data-ascii',
  'data-urlencode',
  'json',
  'header',
  'request',
  'user',
  'user-agent',
  'cookie',
  'cookie-jar',
  'output',
  'max-time',
  'connect-timeout',
  'retry',
  'retry-delay',
  'retry-max-time',
  'write-out',
  'proxy',
  'proxy-user',
  'resolve',
  'cacert',
  'capath',
  'cert',
  'cert-type',
  'key',
  'key-type',
  'url',
  'referer',
  'form',
  'form-string',
  'limit-rate',
  'interface',
  'dns-servers',
  'connect-to',
  'oauth2-bearer',
  'config',
  'dump-header',
  'range',
  'upload-file',
  'ciphers',
  'max-redirs',
  'unix-socket',
  'noproxy',
  'time-cond',
  'aws-sigv4',
  'variable',
  'stderr',
  'trace',
  'trace-ascii',
  'output-dir',
  'pinnedpubkey',
  'expect100-timeout',
  'speed-limit',
  'speed-time',
  'continue-at',
] as const;
const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
const secretHeader = /^(authorization|proxy-authorization|cookie)$|token|secret|passw|api-?key|auth/i;

/**
 * Reads a `curl` command (argv without `curl`): its URL, method, headers and body. Credentials
 * are never copied from the runbook: a secret header whose value is a step placeholder
 * (`Authorization: Bearer $TOKEN`) is kept as written in `secretHeaders`; one written out in the
 * step, `-u` and `--oauth2-bearer` are left out and named in `needs`. Null when there is no
 * http(s) URL or the method is not one a probe sends.
 */
export function readCurlRequest(args: readonly string[], context: CommandContext): CurlRequest | null {
  const read = readOptions(args, { valueShort, valueLong });
  const written = lastValue(read, 'url') ?? read.positionals[0] ?? null;
  const url = written === null ? null : normalizeUrl(written, context);
  if (url === null) return null;
  const request: CurlRequest = {
    url,
    method: 'GET',
    headers: {},
    secretHeaders: {},
    body: null,
    insecure: hasAnyFlag(read, 'k', 'insecure'),
    timeoutMs: null,
    needs: [],
    notes: [],
    withheld: [],
  };
  for (const header of allValues(read, 'H', 'header')) addHeader(request, header, context);
  const agent = lastValue(read, 'A', 'user-agent');
  if (agent !== null) request.headers['User-Agent'] = agent;
  const cookie = lastValue(read, 'b', 'cookie');
  if (cookie !== null) addHeader(request, `Cookie: ${cookie}`, context);
  const credentials = lastValue(read, 'u', 'user', 'oauth2-bearer');
  if (credentials !== null)
    leaveOut(request, 'Authorization', 'the step authenticates with -u or --oauth2-bearer', credentials);
  const sendsData = readBody(request, read);
  if (lastValue(read, 'json') !== null)
    request.headers = { 'Content-Type': 'application/json', Accept: 'application/json', ...request.headers };
  const method = (
    lastValue(read, 'X', 'request') ?? (sendsData ? 'POST' : hasAnyFlag(read, 'I', 'head') ? 'HEAD' : 'GET')
  ).toUpperCase();
  const known = methods.find((candidate) => candidate === method);
  if (known === undefined) return null;
  request.method = known;
  const maxTime = Number(lastValue(read, 'm', 'max-time') ?? Number.NaN);
  if (Number.isFinite(maxTime) && maxTime > 0)
    request.timeoutMs = Math.min(60_000, Math.max(100, Math.round(maxTime * 1000)));
  const cacert = lastValue(read, 'cacert');
  if (cacert !== null) request.notes.push(`the step trusts the certificates of ${cacert}: paste them as tls.ca`);
  return request;
}

/** A plain URL normalised (`localhost:3000/x` gets `http://`); one starting with a placeholder kept as written. */
function normalizeUrl(written: string, context: CommandContext): string | null {
  const schemed = /^[a-z][a-z0-9+.-]*:\/\//i.test(written);
  if (context.hasParameter(written)) return schemed && !/^https?:\/\//i.test(written) ? null : written;
  const text = schemed ? written : /^[\w.-]+(:\d+)?(\/|$)/.test(written) ? `http://${written}` : null;
  if (text === null) return null;
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    // What curl sends as is but a URI may not hold (`?query=up{job='x'}`), percent-encoded.
    return url.href.replace(
      /[{}|^`"<> ]/g,
      (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
    );
  } catch {
    return null;
  }
}

function addHeader(request: CurlRequest, header: string, context: CommandContext): void {
  const colon = header.indexOf(':');
  const name = (colon === -1 ? header : header.slice(0, colon)).trim();
  const value = colon === -1 ? '' : header.slice(colon + 1).trim();
  // `-H 'Name:'` removes a header curl would send; `-H @file` reads them from a file.
  if (colon === -1 || value === '' || !headerName.test(name) || /[\r\n\0]/.test(value)) return;
  const secret = secretHeader.test(name) || (context.hasParameter(value) && isSecretName(value));
  if (!secret) request.headers[name] = value;
  else if (context.hasParameter(value)) request.secretHeaders[name] = value;
  else leaveOut(request, name, `the step writes its ${name} header out`, value);
}

function leaveOut(request: CurlRequest, name: string, why: string, value: string): void {
  request.withheld.push(value);
  if (!request.needs.includes(name)) request.needs.push(name);
  request.notes.push(`${why}: credentials are not copied from runbooks, give ${name} as a secret header`);
}

/**
 * `-d a -d b` is sent as `a&b`, as curl does; a body read from a file (`-d @f`) or form fields
 * cannot be repeated. Returns whether the step sends data at all (curl then POSTs).
 */
function readBody(request: CurlRequest, read: ReadOptions): boolean {
  const parts: string[] = [];
  let sends = false;
  for (const [name, value] of read.values) {
    if (!['d', 'data', 'data-raw', 'data-binary', 'data-ascii', 'json'].includes(name)) continue;
    sends = true;
    if (value.startsWith('@') && name !== 'data-raw')
      request.notes.push(`the step sends the file ${value.slice(1)} as its body: not carried over`);
    else parts.push(value);
  }
  if (allValues(read, 'data-urlencode', 'F', 'form', 'form-string').length > 0) {
    request.notes.push('the step sends form or URL-encoded fields: not carried over');
    sends = true;
  }
  if (parts.length > 0) request.body = parts.join('&');
  return sends;
}
