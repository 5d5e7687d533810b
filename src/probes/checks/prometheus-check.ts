import type { PrometheusTarget } from '../kinds/prometheus-probe.js';
import type { CheckOptions, PrometheusObservation } from '../probe-model.js';
import { unreachedObservation } from './check-outcome.js';
import { startBudget, type CheckBudget } from './check-timing.js';
import { parsePrometheusAnswer } from './prometheus-answer.js';

const userAgent = 'Astreinte-Probe/1';
/** Bigger answers are refused: a query returning that much is not a probe's (and would fill memory). */
const maxBodyBytes = 16 * 1024 * 1024;

/**
 * A Prometheus check: runs the target's PromQL as an instant query (`GET {url}/api/v1/query`,
 * with the secret headers) and returns its series, a vector's labels and values or a scalar as
 * one series without labels. Fills `CONNECTED` (Prometheus answered `status: success`),
 * `RESPONSE_TIME` and `SERIES` (the number of series). `url` is the resolved base, default included.
 *
 * Never throws. No answer, a timeout, a redirect or an answer that is not Prometheus's
 * (`HTTP 502 Bad Gateway`) are `reached: false`. Prometheus refusing the query
 * (`bad_data: parse error: …`) or a range vector (`a probe query must return an instant vector
 * or a scalar`) are `reached: true`, with `error` set and no series.
 */
export async function runPrometheusCheck(
  target: PrometheusTarget & { url: string },
  options: CheckOptions,
): Promise<PrometheusObservation> {
  const budget = startBudget(options);
  try {
    return await queryPrometheus(target, budget);
  } catch (error) {
    // fetch reports every network failure as `TypeError: fetch failed`; the cause says which.
    const cause = error instanceof TypeError && error.cause !== undefined ? error.cause : error;
    return { ...unreachedObservation(budget, cause), series: [] };
  } finally {
    budget.end();
  }
}

async function queryPrometheus(
  target: PrometheusTarget & { url: string },
  budget: CheckBudget,
): Promise<PrometheusObservation> {
  const response = await fetch(buildQueryUrl(target.url, target.query), {
    headers: { Accept: 'application/json', 'User-Agent': userAgent, ...target.secretHeaders },
    signal: budget.signal,
    // Secret headers are meant for the configured Prometheus: a redirect is reported, not followed.
    redirect: 'manual',
  });
  const body = await readBody(response);
  const answer = body === null ? null : parsePrometheusAnswer(body);
  const latencyMs = budget.elapsedMs();
  const observe = (
    connected: boolean,
    error: string | null,
    series: PrometheusObservation['series'] = [],
  ): PrometheusObservation => ({
    reached: true,
    latencyMs,
    values: { CONNECTED: connected, RESPONSE_TIME: latencyMs, SERIES: series.length },
    error,
    series,
  });
  if (body === null) return observe(false, `answer larger than ${maxBodyBytes / 1024 / 1024} MiB refused`);
  if (answer === null) {
    const location = response.headers.get('location');
    const why = `HTTP ${response.status} ${response.statusText}${location === null ? '' : ` to ${location}`}: not a Prometheus API answer`;
    return { ...unreachedObservation(budget, why), series: [] };
  }
  if (answer.kind === 'series') return observe(true, null, answer.series);
  return observe(answer.kind === 'unusable', answer.error);
}

/** `http://prometheus:9090/` or a path prefix (`https://host/prometheus`), then `/api/v1/query?query=…`. */
function buildQueryUrl(base: string, query: string): URL {
  const url = new URL(`${base.replace(/\/+$/, '')}/api/v1/query`);
  url.searchParams.set('query', query);
  return url;
}

/** The body as text, or null beyond `maxBodyBytes`. */
async function readBody(response: Response): Promise<string | null> {
  if (response.body === null) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    // Leaving the loop cancels the stream: the rest is not downloaded.
    if (size > maxBodyBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
