import type { PrometheusSeries } from '../probe-model.js';

/** What a Prometheus query API answer says: the series, or the error Prometheus (or this check) found in it. */
export type PrometheusAnswer =
  | { kind: 'series'; series: PrometheusSeries[] }
  /** Prometheus answered `status: success` with a result a probe cannot use (a range vector, a string). */
  | { kind: 'unusable'; error: string }
  /** Prometheus answered `status: error`: `bad_data: parse error: …`. */
  | { kind: 'error'; error: string };

/**
 * Reads the body of an `/api/v1/query` answer. Returns null when it is not a Prometheus answer at
 * all (a proxy's error page, an empty body): then Prometheus was not reached.
 */
export function parsePrometheusAnswer(body: string): PrometheusAnswer | null {
  let answer: unknown;
  try {
    answer = JSON.parse(body);
  } catch {
    return null;
  }
  if (!isRecord(answer)) return null;
  if (answer['status'] === 'error') {
    const errorType: unknown = answer['errorType'] ?? 'error';
    const message: unknown = answer['error'] ?? 'no message';
    return { kind: 'error', error: `${String(errorType)}: ${String(message)}` };
  }
  const data = answer['data'];
  if (answer['status'] !== 'success' || !isRecord(data)) return null;
  switch (data['resultType']) {
    case 'vector':
      return Array.isArray(data['result']) ? { kind: 'series', series: data['result'].map(readVectorSample) } : null;
    case 'scalar':
      return { kind: 'series', series: [{ labels: {}, value: readSampleValue(data['result']) }] };
    case 'matrix':
    case 'string':
      return { kind: 'unusable', error: 'a probe query must return an instant vector or a scalar' };
    default:
      return null;
  }
}

function readVectorSample(sample: unknown): PrometheusSeries {
  if (!isRecord(sample)) return { labels: {}, value: Number.NaN };
  const metric = isRecord(sample['metric']) ? sample['metric'] : {};
  const labels = Object.fromEntries(Object.entries(metric).map(([name, value]) => [name, String(value)]));
  // A native histogram sample (`histogram` instead of `value`) has no single value to compare: NaN.
  return { labels, value: readSampleValue(sample['value']) };
}

/** `[1700000000.123, "42"]` → 42. Prometheus writes `NaN`, `+Inf` and `-Inf` (which `Number` does not read) as strings. */
function readSampleValue(pair: unknown): number {
  const text: unknown = Array.isArray(pair) ? pair[1] : undefined;
  if (typeof text !== 'string') return Number.NaN;
  if (text === '+Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  return Number(text);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
