import { Agent, request } from 'node:http';

/**
 * The storm bench's load: distinct alerts of ONE group (alertname `StormAlert`, a unique instance
 * each, warning) at a steady rate, in batches as Prometheus sends them (up to 64 alerts a request)
 * over a few keep-alive connections; and every 500 ms a canary, a new critical alert of its own
 * group (alertname `StormCanary<n>`), on a connection of its own so it never queues behind the
 * storm's requests in this process. Sending is paced on the clock: a target slower than the rate
 * keeps at most two requests a connection in flight, and the rate it was sent is reported.
 */
export interface StormOptions {
  /** `http://127.0.0.1:PORT/api/v2/alerts`. */
  url: string;
  headers: Record<string, string>;
  rate: number;
  seconds: number;
  /** Ends the storm early (the kill mode). */
  signal?: AbortSignal;
}

export interface StormResult {
  seconds: number;
  sent: number;
  accepted: number;
  errors: number;
  errorSamples: string[];
  /** Indexes of the batches answered 2xx: their alerts must be stored. */
  ackedBatches: number[];
  /** Canary number → `performance.now()` when it was sent. */
  canariesSent: Map<number, number>;
  canariesAccepted: number;
}

export const batchSize = 64;
const connections = 16;
const canaryPeriodMs = 500;
const startsAt = new Date(Date.now() - 60_000).toISOString();

/** Storm alert `n`'s instance: `storm-<n>`, how the lost alerts are counted. */
export function stormBatch(index: number): string {
  const alerts = [];
  for (let n = index * batchSize; n < (index + 1) * batchSize; n += 1)
    alerts.push({
      labels: { alertname: 'StormAlert', instance: `storm-${n}`, severity: 'warning' },
      annotations: { summary: 'Storm alert' },
      startsAt,
    });
  return JSON.stringify(alerts);
}

function canaryBody(n: number): string {
  const labels = { alertname: `StormCanary${n}`, severity: 'critical' };
  return JSON.stringify([{ labels, annotations: { summary: `StormCanary${n} fired` }, startsAt }]);
}

/** Runs the storm and the canaries for `seconds` (or until `signal` aborts) and waits for the answers. */
export async function runStorm(options: StormOptions): Promise<StormResult> {
  const storm = new Agent({ keepAlive: true, maxSockets: connections });
  const canaryAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  const result: StormResult = {
    seconds: 0,
    sent: 0,
    accepted: 0,
    errors: 0,
    errorSamples: [],
    ackedBatches: [],
    canariesSent: new Map(),
    canariesAccepted: 0,
  };
  const answered = (ok: boolean, text: string): void => {
    if (ok) return;
    result.errors += 1;
    if (result.errorSamples.length < 3) result.errorSamples.push(text.slice(0, 200));
  };
  const pending = new Set<Promise<void>>();
  const track = (promise: Promise<void>): void => {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise));
  };
  const start = performance.now();
  const end = start + options.seconds * 1000;
  let batches = 0;
  let inFlight = 0;
  while (performance.now() < end && options.signal?.aborted !== true) {
    const now = performance.now();
    const canary = Math.floor((now - start) / canaryPeriodMs);
    if (!result.canariesSent.has(canary)) {
      result.canariesSent.set(canary, now);
      track(
        post(canaryAgent, options, canaryBody(canary)).then(({ status, text }) => {
          if (status >= 200 && status < 300) result.canariesAccepted += 1;
          answered(status >= 200 && status < 300, `canary: ${status} ${text}`);
        }),
      );
    }
    const due = Math.floor((((now - start) / 1000) * options.rate) / batchSize);
    while (batches < due && inFlight < connections * 2) {
      const index = batches;
      batches += 1;
      inFlight += 1;
      track(
        post(storm, options, stormBatch(index)).then(({ status, text }) => {
          inFlight -= 1;
          const ok = status >= 200 && status < 300;
          if (ok) result.ackedBatches.push(index);
          answered(ok, `${status} ${text}`);
        }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  result.sent = batches * batchSize;
  await Promise.all(pending);
  result.accepted = result.ackedBatches.length * batchSize;
  result.seconds = (performance.now() - start) / 1000;
  storm.destroy();
  canaryAgent.destroy();
  return result;
}

/** One POST; a network error is an answer of status 0 (the kill mode makes many). */
function post(agent: Agent, options: StormOptions, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const req = request(
      options.url,
      {
        method: 'POST',
        agent,
        headers: { ...options.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        response.on('error', (error) => resolve({ status: 0, text: String(error) }));
      },
    );
    req.on('error', (error) => resolve({ status: 0, text: String(error) }));
    req.end(body);
  });
}
