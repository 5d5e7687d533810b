import { setImmediate as nextTurn } from 'node:timers/promises';
import { sweepHeartbeats } from '../alerts/heartbeats/sweep-heartbeats.js';
import { drainInbox } from '../alerts/pipeline/alert-inbox.js';
import { expireStaleAlerts } from '../alerts/pipeline/expire-stale-alerts.js';
import { countAlerts, ingestAlerts } from '../alerts/pipeline/ingest-alerts.js';
import type { RunbookCatalogue } from '../alerts/pipeline/runbook-catalogue.js';
import { systemCtx, type Ctx } from '../core/context.js';
import type { Database } from '../storage/database.js';
import { JobLoop, type JobErrorSink } from './job-loop.js';

/**
 * The timed side of alerting, on every node: alerts a node accepted into the inbox but did not
 * handle (it was killed, or stopped) are handled, heartbeats silent past their due time raise
 * their alert, and alerts past their `endsAt` without refresh resolve. All claim rows with SKIP
 * LOCKED, so nodes share the work and never do it twice.
 */
/** Inbox rows older than this are taken over by any node's sweep (their node died, or is swamped). */
const staleInboxMs = 30_000;

export function createAlertSweepJob(options: {
  db: Database;
  catalogue: RunbookCatalogue;
  intervalMs: number;
  now: () => Date;
  onError: JobErrorSink;
  /** Told how many alerts of the inbox were handled for good, once committed (metrics). */
  onProcessed?: (alerts: number) => void;
  /** This node's writer is handling the inbox (new groups first): its stale rows are left to it. */
  draining?: () => boolean;
}): JobLoop {
  const ctx: Ctx = systemCtx(options.db, options.now, 'alert-sweep');
  return new JobLoop(
    'alert-sweep',
    options.intervalMs,
    async () => {
      // Only what waited a while: fresh rows are their node's to handle, in the order it took them.
      const stale = new Date(options.now().getTime() - staleInboxMs);
      while (options.draining?.() !== true) {
        let alerts = 0;
        const taken = await drainInbox(options.db, { limit: 8, receivedBefore: stale }, (tx, submissions) => {
          alerts = countAlerts(submissions);
          return ingestAlerts({ ...ctx, db: tx }, submissions, options.catalogue);
        });
        if (alerts > 0) options.onProcessed?.(alerts);
        if (taken === 0) break;
        // PGlite runs a transaction in microtasks: requests are read between two, not during a loop of them.
        await nextTurn();
      }
      await sweepHeartbeats(ctx, options.catalogue);
      await expireStaleAlerts(ctx, options.catalogue);
    },
    options.onError,
  );
}
