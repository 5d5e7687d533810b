import { sweepHeartbeats } from '../alerts/heartbeats/sweep-heartbeats.js';
import { expireStaleAlerts } from '../alerts/pipeline/expire-stale-alerts.js';
import type { RunbookCatalogue } from '../alerts/pipeline/runbook-catalogue.js';
import { systemActor } from '../core/actor.js';
import type { Ctx } from '../core/context.js';
import type { Database } from '../storage/database.js';
import { JobLoop, type JobErrorSink } from './job-loop.js';

/**
 * The timed side of alerting, on every node: heartbeats silent past their due time raise their
 * alert, and alerts past their `endsAt` without refresh resolve. Both claim rows with SKIP LOCKED,
 * so nodes share the work and never do it twice.
 */
export function createAlertSweepJob(options: { db: Database; catalogue: RunbookCatalogue; intervalMs: number; now: () => Date; onError: JobErrorSink }): JobLoop {
  const ctx: Ctx = { actor: systemActor, requestId: 'alert-sweep', db: options.db, now: options.now };
  return new JobLoop('alert-sweep', options.intervalMs, async () => {
    await sweepHeartbeats(ctx, options.catalogue);
    await expireStaleAlerts(ctx, options.catalogue);
  }, options.onError);
}
