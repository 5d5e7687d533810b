import { probeKinds } from '../probe-kinds.js';
import type { HttpTarget } from '../kinds/http-probe.js';
import { placeHost, type CommandContext } from './probe-host.js';
import type { CommandProbe } from './probe-suggestion.js';
import { readCurlRequest } from './read-curl-request.js';
import { hasPromqlComparison } from './read-promql.js';

/** Methods a probe may send every minute without changing anything. */
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
const queryPath = '/api/v1/query';

/**
 * An HTTP probe for `curl [-f|-s|-I…] URL`, with the method, plain headers and body of the step
 * (`-k` → `tls.insecure`); a request that may change something (POST…) is proposed disabled. A
 * query to Prometheus's API (`curl 'http://prometheus:9090/api/v1/query?query=…'`) becomes a
 * Prometheus probe on that query instead.
 */
export function curlProbe(args: readonly string[], context: CommandContext): CommandProbe | null {
  const request = readCurlRequest(args, context);
  if (request === null) return null;
  const notes = [...request.notes];
  const url = placeUrl(request.url, context, notes);
  const parsed = context.hasParameter(url) ? null : new URL(url);
  if (
    parsed !== null &&
    parsed.pathname.endsWith(queryPath) &&
    parsed.searchParams.get('query') !== null &&
    request.method === 'GET'
  ) {
    return { ...prometheusProbe(parsed, request.needs, notes), withheld: request.withheld };
  }
  const target: HttpTarget = { kind: 'http', url };
  if (request.method !== 'GET') target.method = request.method;
  if (Object.keys(request.headers).length > 0) target.headers = request.headers;
  if (Object.keys(request.secretHeaders).length > 0) target.secretHeaders = request.secretHeaders;
  if (request.body !== null) target.body = request.body;
  if (request.insecure) target.tls = { insecure: true };
  const probe: CommandProbe = {
    target,
    conditions: [...probeKinds.http.defaultConditions],
    label: urlLabel(url, parsed),
    needs: request.needs,
    notes,
    withheld: request.withheld,
  };
  if (request.timeoutMs !== null) probe.timeoutMs = request.timeoutMs;
  if (!safeMethods.has(request.method)) {
    probe.enabled = false;
    notes.push(
      `sends ${request.method} on every check: proposed disabled, enable it once sure the request changes nothing`,
    );
  }
  return probe;
}

/** The URL with a local host replaced by the place the step runs in (a placeholder URL is kept). */
function placeUrl(url: string, context: CommandContext, notes: string[]): string {
  if (context.hasParameter(url)) return url;
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const placed = placeHost(host, context, notes);
  if (placed === host) return url;
  parsed.hostname = placed;
  return parsed.href;
}

/** `api.example.com/health`; a placeholder URL without its scheme and query. */
function urlLabel(url: string, parsed: URL | null): string {
  if (parsed === null) return url.replace(/^https?:\/\//i, '').replace(/\?.*$/, '');
  return `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
}

/**
 * Prometheus probes fire on every series returned, as rules do: a query that compares is used as
 * is; `up` alone gets `[VALUE] == 1` (a series at 0 is a target down); anything else needs a condition.
 */
function prometheusProbe(url: URL, needs: string[], notes: string[]): CommandProbe {
  const query = url.searchParams.get('query') ?? '';
  const base = `${url.origin}${url.pathname.slice(0, -queryPath.length)}`;
  const probe: CommandProbe = {
    target: { kind: 'prometheus', url: base, query },
    conditions: [],
    label: `prometheus ${query}`,
    needs: [...needs],
    notes,
  };
  if (hasPromqlComparison(query)) return probe;
  if (/^\s*up\s*(\{[^}]*\})?\s*$/.test(query)) {
    probe.conditions = ['[VALUE] == 1'];
    notes.push('the step reads `up`: a series at 0 is a target down');
    return probe;
  }
  probe.needs.push('condition');
  notes.push(
    'the query has no comparison: as in a Prometheus rule every series it returns would fire; add one, or a condition on [VALUE]',
  );
  return probe;
}
