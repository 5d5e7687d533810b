import type { HttpTarget } from '../kinds/http-probe.js';
import type { CheckOptions, Observation, ObservedValues } from '../probe-model.js';
import { unreachedObservation } from './check-outcome.js';
import { startBudget, type CheckBudget } from './check-timing.js';
import { sendHttpRequest, type HttpExchange, type HttpRequestPlan } from './http-exchange.js';

const defaultMaxRedirects = 5;
const userAgent = 'Astreinte-Probe/1';
const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/**
 * An HTTP(S) check: sends the target's request, follows redirects (to http and https only, at
 * most `maxRedirects`), and observes the final response: `STATUS`, `BODY` (utf-8, cut at 1 MiB
 * with `BODY_TRUNCATED`), `HEADERS`, `IP`, `CERTIFICATE_EXPIRATION` for https, `CONNECTED` and
 * `RESPONSE_TIME`. Never throws: a refused connection, a timeout (the whole check, redirects
 * included), a certificate failing verification are `reached: false` with the error.
 */
export async function runHttpCheck(target: HttpTarget, options: CheckOptions): Promise<Observation> {
  const budget = startBudget(options);
  try {
    return await followRedirects(target, budget);
  } catch (error) {
    return unreachedObservation(budget, error);
  } finally {
    budget.end();
  }
}

async function followRedirects(target: HttpTarget, budget: CheckBudget): Promise<Observation> {
  const maxRedirects = target.maxRedirects ?? defaultMaxRedirects;
  const firstUrl = new URL(target.url);
  // Credentials are meant for the configured origin, not for wherever it redirects (fetch drops
  // `Authorization` likewise); once dropped they stay dropped, even if a later hop comes back.
  let withSecrets = true;
  let plan: HttpRequestPlan = {
    url: firstUrl,
    method: target.method ?? 'GET',
    headers: buildHeaders(target, withSecrets),
    body: target.body,
    tls: target.tls,
  };
  for (let redirects = 0; ; redirects += 1) {
    const exchange = await sendHttpRequest(plan, budget.signal);
    const location = exchange.headers['location'];
    // At the limit the redirect itself is observed: `maxRedirects: 0` checks a redirect as such.
    if (!redirectStatuses.has(exchange.status) || location === undefined || redirects >= maxRedirects) {
      return observeResponse(exchange, budget, null);
    }
    const next = URL.canParse(location, plan.url) ? new URL(location, plan.url) : null;
    if (next === null) return observeResponse(exchange, budget, `redirect to an invalid URL refused: ${location}`);
    // A server must not make the probe read a local file or speak another protocol.
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      return observeResponse(exchange, budget, `redirect to a non-HTTP URL refused: ${next.href}`);
    }
    withSecrets &&= next.origin === firstUrl.origin;
    plan = nextPlan(plan, exchange.status, next, buildHeaders(target, withSecrets));
  }
}

/** The request after a redirect, with the method and body rewritten as browsers do (RFC 9110 §15.4). */
function nextPlan(
  previous: HttpRequestPlan,
  status: number,
  url: URL,
  headers: Record<string, string>,
): HttpRequestPlan {
  const becomesGet =
    (status === 303 && previous.method !== 'HEAD') ||
    ((status === 301 || status === 302) && previous.method === 'POST');
  return {
    url,
    method: becomesGet ? 'GET' : previous.method,
    headers,
    body: becomesGet ? undefined : previous.body,
    tls: previous.tls,
  };
}

/** The default `User-Agent`, then the target's headers, then its secret ones (same name: the later wins, case-insensitively). */
function buildHeaders(target: HttpTarget, withSecrets: boolean): Record<string, string> {
  const merged = new Map<string, [string, string]>([['user-agent', ['User-Agent', userAgent]]]);
  const sources = withSecrets ? [target.headers, target.secretHeaders] : [target.headers];
  for (const source of sources) {
    for (const [name, value] of Object.entries(source ?? {})) merged.set(name.toLowerCase(), [name, value]);
  }
  return Object.fromEntries(merged.values());
}

function observeResponse(exchange: HttpExchange, budget: CheckBudget, error: string | null): Observation {
  const latencyMs = budget.elapsedMs();
  const values: ObservedValues = {
    CONNECTED: true,
    RESPONSE_TIME: latencyMs,
    STATUS: exchange.status,
    BODY: exchange.body,
    HEADERS: exchange.headers,
    IP: exchange.ip,
  };
  if (exchange.truncated) values['BODY_TRUNCATED'] = true;
  if (exchange.certificateExpirationMs !== null) values['CERTIFICATE_EXPIRATION'] = exchange.certificateExpirationMs;
  // A refused redirect still got a response: reached, with the reason the check stopped there.
  return { reached: true, latencyMs, values, error };
}
