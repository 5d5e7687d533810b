import type { Logger } from 'pino';
import type { HttpDeps } from '../http/http-deps.js';
import { createAlertSweepJob } from '../jobs/alert-sweep-job.js';
import { ProbeRunner } from '../jobs/probe-runner.js';
import { createStepJobSweep } from '../jobs/step-job-sweep.js';
import { createTimerRunner } from '../jobs/timer-runner.js';
import { createWatchdogJob } from '../jobs/watchdog-job.js';
import { oncallTimerHandlers } from '../oncall/oncall-timer-handlers.js';

/**
 * The background work of a node, each shared with the other nodes through row claims:
 * `step-jobs` declares silent runners' steps interrupted and ends steps nobody took; `alerts`
 * handles what the inbox holds (left by a node that stopped or died), missed heartbeats and
 * expired alerts; `timers` escalates, pages and reminds; `probes` checks this node's share of due probes;
 * `watchdog` (when a URL is configured) tells the outside world this node is alive. Each counts its
 * work into the node's metrics.
 */
export const loopNames = ['step-jobs', 'alerts', 'timers', 'probes', 'watchdog'] as const;
export type LoopName = (typeof loopNames)[number];

/** The loops a node runs, to be stopped after its app closed and before its database does. */
export interface NodeLoops {
  /** Stops every loop, each waiting for its round in progress; probes in flight are handed back. */
  stop(): Promise<void>;
}

/** Starts the loops named in `only` (all by default) on the services of one node's app. */
export function startNodeLoops(
  deps: HttpDeps,
  options: { only?: readonly LoopName[]; log: Pick<Logger, 'error'> },
): NodeLoops {
  const { db, config, now, execution, alerts, metrics, live } = deps;
  const wanted = new Set(options.only ?? loopNames);
  // A failed round is logged and its loop goes on.
  const failed =
    (message: string) =>
    (error: unknown, job: string): void =>
      options.log.error({ err: error, job }, message);
  const secretKey = execution.secretKey === null ? null : Buffer.from(execution.secretKey);
  const stops: (() => Promise<void>)[] = [];
  if (wanted.has('step-jobs')) {
    const sweep = createStepJobSweep({ db, now, jobs: execution.jobs, onError: failed('step job sweep failed') });
    sweep.start();
    stops.push(() => sweep.stop());
  }
  if (wanted.has('alerts')) {
    // The writer's own share: what the inbox holds from before this node started.
    alerts.writer.start();
    const sweep = createAlertSweepJob({
      db,
      catalogue: alerts.catalogue,
      now,
      draining: () => alerts.writer.draining,
      intervalMs: config.alertSweepMs,
      onError: failed('timed alert work failed'),
      onProcessed: (count) => metrics.alertsProcessed.inc(count),
    });
    sweep.start();
    stops.push(() => sweep.stop());
  }
  if (wanted.has('timers')) {
    const timers = createTimerRunner({
      db,
      now,
      intervalMs: config.timerPollMs,
      // Escalations and pages due now run at once, not at the next look.
      scheduled: (follower) => live.onTimers(follower),
      handlers: oncallTimerHandlers({
        db,
        now,
        secretKey,
        baseUrl: config.publicUrl ?? `http://${config.host}:${config.port}`,
        ...(config.inboundSmtpDomain === undefined ? {} : { replyDomain: config.inboundSmtpDomain }),
        onAttempt: ({ channel, sent, pageLatencySeconds }) => {
          metrics.notifications.inc({ channel });
          if (!sent) metrics.notificationsFailed.inc({ channel });
          if (pageLatencySeconds !== null) metrics.notificationLatency.observe({ channel }, pageLatencySeconds);
        },
      }),
      onError: failed('timed work failed'),
      onLag: (kind, seconds) => metrics.timerLag.observe({ kind }, seconds),
    });
    timers.start();
    stops.push(() => timers.stop());
  }
  if (wanted.has('probes')) {
    const probes = new ProbeRunner({
      db,
      catalogue: alerts.catalogue,
      now,
      tickMs: config.probeTickMs,
      concurrency: config.probeConcurrency,
      historyHours: config.probeHistoryHours,
      secretKey,
      prometheusUrl: config.prometheusUrl ?? null,
      onError: failed('probe work failed'),
      onLate: (seconds) => metrics.probeLateness.observe(seconds),
    });
    probes.start();
    // Checks in flight are cancelled and their probes handed back before the database closes.
    stops.push(() => probes.stop());
  }
  if (wanted.has('watchdog') && config.watchdogUrl !== undefined) {
    const watchdog = createWatchdogJob({
      url: config.watchdogUrl,
      intervalMs: config.watchdogIntervalMs,
      nodeId: execution.jobs.nodeId,
      now,
      onError: failed('watchdog ping failed'),
      onPing: (result) => metrics.watchdogPings.inc({ outcome: result.outcome }),
    });
    watchdog.start();
    stops.push(() => watchdog.stop());
  }
  let stopping: Promise<void> | undefined;
  // The loops share nothing but the database: they stop side by side, each after its own round.
  return { stop: () => (stopping ??= Promise.all(stops.map((stop) => stop())).then(() => undefined)) };
}
