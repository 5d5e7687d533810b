import { Agent, request } from 'node:http';

/**
 * The load of the ingest bench: batches of Prometheus alerts (as Prometheus pushes them to
 * Alertmanager's `POST /api/v2/alerts`) posted over a few keep-alive connections, each connection
 * sending its next batch as soon as the previous one is answered. Batch `i` of a pass is the same
 * for every target, and no two alerts of a pass share a label set.
 */

const alertnames = [
  'HighLatency',
  'HighErrorRate',
  'DiskWillFillIn4Hours',
  'MemoryPressure',
  'CpuSaturated',
  'InstanceDown',
  'QueueBacklog',
  'CertificateExpiresSoon',
  'ReplicationLag',
  'PodCrashLooping',
];
const jobs = ['api', 'node', 'postgres', 'worker'];
const severities = ['critical', 'warning', 'info'];

/** Alerts fire from a minute before the bench for an hour: no target sees them resolve meanwhile. */
const startsAt = new Date(Date.now() - 60_000).toISOString();
const endsAt = new Date(Date.now() + 3_600_000).toISOString();

/** The JSON body of batch `index` of `pass`: alert n has instance `<pass>-n`, unique in the pass. */
export function batchBody(pass: string, index: number, size: number): string {
  const alerts = [];
  for (let j = 0; j < size; j += 1) {
    const n = index * size + j;
    const alertname = alertnames[n % alertnames.length]!;
    const instance = `${pass}-${n}.bench.internal:9100`;
    alerts.push({
      labels: { alertname, instance, job: jobs[n % jobs.length]!, severity: severities[n % severities.length]! },
      annotations: { summary: `${alertname} on ${instance}` },
      startsAt,
      endsAt,
      generatorURL: `http://127.0.0.1:9090/graph?g0.expr=${encodeURIComponent(`${alertname}{instance="${instance}"}`)}`,
    });
  }
  return JSON.stringify(alerts);
}

export interface LoadOptions {
  /** `http://127.0.0.1:PORT/api/v2/alerts`. */
  url: string;
  headers: Record<string, string>;
  pass: string;
  seconds: number;
  connections: number;
  batchSize: number;
  /** The index of the first batch sent (to go on with a pass where an earlier run stopped). */
  firstBatch?: number;
}

export interface LoadResult {
  /** From the first request sent to the last answer received (answers after the deadline count). */
  seconds: number;
  batches: number;
  alerts: number;
  errors: number;
  /** The first few errors, for the report. */
  errorSamples: string[];
  /** Milliseconds, one per answered batch. */
  latencies: number[];
  /** The index of the batch after the last one sent. */
  nextBatch: number;
}

/** Posts batches of `pass` from `connections` loops until `seconds` have passed. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const result: LoadResult = {
    seconds: 0,
    batches: 0,
    alerts: 0,
    errors: 0,
    errorSamples: [],
    latencies: [],
    nextBatch: 0,
  };
  let next = options.firstBatch ?? 0;
  const start = performance.now();
  const deadline = start + options.seconds * 1000;
  const loop = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const body = batchBody(options.pass, next, options.batchSize);
      next += 1;
      const sent = performance.now();
      const answer = await post(agent, options.url, options.headers, body).catch((error: unknown) => ({
        status: 0,
        text: String(error),
      }));
      result.latencies.push(performance.now() - sent);
      if (answer.status >= 200 && answer.status < 300) {
        result.batches += 1;
        result.alerts += options.batchSize;
      } else {
        result.errors += 1;
        if (result.errorSamples.length < 3) result.errorSamples.push(`${answer.status} ${answer.text.slice(0, 200)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, loop));
  result.seconds = (performance.now() - start) / 1000;
  result.nextBatch = next;
  agent.destroy();
  return result;
}

function post(
  agent: Agent,
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Several runs as one: their times, counts and latencies added up. */
export function combined(results: readonly LoadResult[]): LoadResult {
  return {
    seconds: results.reduce((sum, result) => sum + result.seconds, 0),
    batches: results.reduce((sum, result) => sum + result.batches, 0),
    alerts: results.reduce((sum, result) => sum + result.alerts, 0),
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    errorSamples: results.flatMap((result) => result.errorSamples).slice(0, 3),
    latencies: results.flatMap((result) => result.latencies),
    nextBatch: Math.max(0, ...results.map((result) => result.nextBatch)),
  };
}

/** The value at quantile `q` (nearest rank) of unsorted `values`, NaN if none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
