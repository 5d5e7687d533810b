import type { TestApp } from './test-app.js';

/** One sample of a Prometheus text exposition: name, labels, value. */
export interface MetricSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const sampleLine = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const labelPair = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Scrapes an app's /metrics and reads every sample (comments skipped). */
export async function scrapeMetrics(t: TestApp): Promise<MetricSample[]> {
  const response = await t.call('GET', '/metrics', { token: null });
  if (response.statusCode !== 200) throw new Error(`/metrics answered ${response.statusCode}`);
  return response.body.split('\n').flatMap((line) => {
    const match = sampleLine.exec(line);
    if (match === null) return [];
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(labelPair)].map((pair) => [pair[1]!, pair[2]!]));
    return [{ name: match[1]!, labels, value: Number(match[3]) }];
  });
}

/**
 * The value of the sample of that name whose labels include `labels`; 0 when there is none (a
 * counter with labels shows no sample until counted), so tests compare before and after.
 */
export function sampleValue(
  samples: readonly MetricSample[],
  name: string,
  labels: Record<string, string> = {},
): number {
  const found = samples.find(
    (sample) =>
      sample.name === name && Object.entries(labels).every(([label, value]) => sample.labels[label] === value),
  );
  return found?.value ?? 0;
}

/** Scrapes and reads one value (see sampleValue). */
export async function metricValue(t: TestApp, name: string, labels: Record<string, string> = {}): Promise<number> {
  return sampleValue(await scrapeMetrics(t), name, labels);
}
