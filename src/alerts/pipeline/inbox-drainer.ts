import type { Logger } from 'pino';
import { systemCtx } from '../../core/context.js';
import type { Database } from '../../storage/database.js';
import { drainInbox } from './alert-inbox.js';
import { countAlerts, ingestAlerts } from './ingest-alerts.js';
import type { RunbookCatalogue } from './suggest-runbooks.js';

export interface InboxDrainerOptions {
  db: Database;
  catalogue: RunbookCatalogue;
  now: () => Date;
  logger?: Pick<Logger, 'error'> | undefined;
  /** Told how many alerts were handled for good, once committed (metrics). */
  onProcessed?: ((alerts: number) => void) | undefined;
  /** How long one transaction of the backlog should take (default 30 ms). */
  targetMs?: number | undefined;
  /** Alerts per transaction at most (default 20,000). */
  maxAlerts?: number | undefined;
  /** Reads a monotonic clock in ms (default `performance.now`): only for sizing the next chunk. */
  elapsedMs?: (() => number) | undefined;
}

/**
 * Handles the inbox one transaction at a time: urgent rows (groups with no open incident, whose
 * first alert pages) before anything else, then the backlog oldest first. A transaction of the
 * backlog is sized to take about `targetMs`: short enough that a new group waits for little more
 * than one (and, on PGlite, that requests are not held up longer), long enough that each
 * transaction's few fixed statements cost little per alert. Its size follows the measured rate.
 */
export class InboxDrainer {
  /** Alerts the next transaction of the backlog should hold, from the rate measured. */
  private budget = 256;
  /** Alerts per row lately (a request of a group: 1 to thousands), to turn the budget into rows. */
  private alertsPerRow = 16;
  private readonly targetMs: number;
  private readonly maxAlerts: number;
  private readonly elapsedMs: () => number;

  constructor(private readonly options: InboxDrainerOptions) {
    this.targetMs = options.targetMs ?? 30;
    this.maxAlerts = options.maxAlerts ?? 20_000;
    this.elapsedMs = options.elapsedMs ?? (() => performance.now());
  }

  /**
   * Handles one transaction's worth: `empty` when the inbox had nothing this node could take,
   * `failed` when handling failed (logged; the rows stay in the inbox for a later try).
   */
  async step(): Promise<'taken' | 'empty' | 'failed'> {
    const { db, catalogue, now } = this.options;
    const started = this.elapsedMs();
    let alerts = 0;
    const limit = Math.max(1, Math.round(this.budget / this.alertsPerRow));
    try {
      const taken = await drainInbox(db, { limit, urgentFirst: true }, (tx, submissions) => {
        alerts = countAlerts(submissions);
        return ingestAlerts(systemCtx(tx, now, 'alert-inbox'), submissions, catalogue);
      });
      if (alerts > 0) this.options.onProcessed?.(alerts);
      // Sized on full chunks only: an urgent step of one row says little about the backlog's rate.
      if (taken >= limit && alerts > 0) this.resize(taken, alerts, this.elapsedMs() - started);
      return taken > 0 ? 'taken' : 'empty';
    } catch (error) {
      this.options.logger?.error({ err: error }, 'handling alerts from the inbox failed');
      return 'failed';
    }
  }

  private resize(rows: number, alerts: number, ms: number): void {
    this.alertsPerRow = alerts / rows;
    const next = Math.round((alerts * this.targetMs) / Math.max(ms, 1));
    // At most doubled at a time: one fast transaction (a chunk of repeats) is no promise for the next.
    this.budget = Math.max(1, Math.min(this.maxAlerts, next, this.budget * 2));
  }
}
