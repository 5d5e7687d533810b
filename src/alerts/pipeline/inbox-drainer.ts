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
  /** How long one transaction of the backlog should take (default 50 ms). */
  targetMs?: number | undefined;
  /** Rows per transaction at most (default 512). */
  maxRows?: number | undefined;
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
  private rows = 8;
  private readonly targetMs: number;
  private readonly maxRows: number;
  private readonly elapsedMs: () => number;

  constructor(private readonly options: InboxDrainerOptions) {
    this.targetMs = options.targetMs ?? 50;
    this.maxRows = options.maxRows ?? 512;
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
    try {
      const taken = await drainInbox(db, { limit: this.rows, urgentFirst: true }, (tx, submissions) => {
        alerts = countAlerts(submissions);
        return ingestAlerts(systemCtx(tx, now, 'alert-inbox'), submissions, catalogue);
      });
      if (alerts > 0) this.options.onProcessed?.(alerts);
      // Sized on full chunks only: an urgent step of one row says little about the backlog's rate.
      if (taken >= this.rows) this.resize(taken, this.elapsedMs() - started);
      return taken > 0 ? 'taken' : 'empty';
    } catch (error) {
      this.options.logger?.error({ err: error }, 'handling alerts from the inbox failed');
      return 'failed';
    }
  }

  private resize(taken: number, ms: number): void {
    const next = Math.round((taken * this.targetMs) / Math.max(ms, 1));
    // At most doubled at a time: one fast transaction (a chunk of repeats) is no promise for the next.
    this.rows = Math.max(1, Math.min(this.maxRows, next, this.rows * 2));
  }
}
