import type { DeliveryResult, SendRequest } from '../notifications/delivery-result.js';
import { postHttp } from '../notifications/senders/post-http.js';
import { JobLoop, type JobErrorSink } from './job-loop.js';

export interface WatchdogOptions {
  url: string;
  intervalMs: number;
  /** Names this node in the heartbeat (a receiver may tell nodes apart by it). */
  nodeId: string;
  now: () => Date;
  /** A ping that did not go through: logged, the next one is tried on schedule. */
  onError: JobErrorSink;
  /** Told of every ping's outcome (metrics, tests). */
  onPing?: (result: DeliveryResult) => void;
}

/** A ping answered later than this is treated as failed: the next one is due soon anyway. */
const pingTimeoutMs = 10_000;

/**
 * Astreinte's own dead man's switch, like Alertmanager's Watchdog alert: every interval, this node
 * POSTs an always-firing heartbeat (an Alertmanager webhook payload with one alert, `Watchdog`)
 * to the configured URL, where something outside — healthchecks.io, another Astreinte's heartbeat
 * integration — pages when the pings stop. Every node pings: the receiver hears from the cluster
 * while any node is alive, and no election is needed. Sent with the channels' guarded POST
 * (timeout, no redirect, bounded answer, never throws); a failure is logged and the loop goes on.
 * The first ping goes at start; `stop()` waits for a ping in flight.
 */
export function createWatchdogJob(options: WatchdogOptions): { start(): void; stop(): Promise<void> } {
  let sequence = 0;
  const loop = new JobLoop(
    'watchdog',
    options.intervalMs,
    async () => {
      sequence += 1;
      const { result } = await postHttp(heartbeatRequest(options, sequence), {
        url: options.url,
        headers: { 'content-type': 'application/json', 'user-agent': 'Astreinte-Watchdog' },
        body: JSON.stringify(heartbeatBody(options)),
      });
      options.onPing?.(result);
      if (result.outcome === 'failed') throw new Error(`watchdog ping failed: ${result.error ?? 'unknown error'}`);
    },
    options.onError,
  );
  return {
    start: () => {
      loop.start();
      // At once, not an interval after start: a node restarting over and over still pings.
      void loop.runOnce();
    },
    stop: () => loop.stop(),
  };
}

/** What postHttp needs of a delivery; only the id (for its check) and the timeout matter here. */
function heartbeatRequest(options: WatchdogOptions, sequence: number): SendRequest<unknown> {
  return {
    config: null,
    message: { subject: 'Watchdog', short: 'Watchdog', text: 'Watchdog' },
    recipient: {},
    deliveryId: `watchdog-${options.nodeId}-${sequence}`,
    timeoutMs: Math.min(pingTimeoutMs, options.intervalMs),
  };
}

/** An Alertmanager webhook (version 4) with one firing alert: receivers of that format read it as is. */
function heartbeatBody(options: WatchdogOptions): Record<string, unknown> {
  const labels = { alertname: 'Watchdog', severity: 'none', service: 'astreinte', node: options.nodeId };
  return {
    version: '4',
    status: 'firing',
    receiver: 'watchdog',
    groupLabels: { alertname: 'Watchdog' },
    commonLabels: labels,
    commonAnnotations: {},
    alerts: [
      {
        status: 'firing',
        labels,
        annotations: { summary: 'Astreinte is alive: this alert always fires while a node runs' },
        startsAt: options.now().toISOString(),
        endsAt: '0001-01-01T00:00:00Z',
        fingerprint: `watchdog-${options.nodeId}`,
      },
    ],
  };
}
