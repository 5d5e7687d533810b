import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Logger } from 'pino';
import { AppError } from '../../core/app-error.js';
import { systemCtx, type Ctx } from '../../core/context.js';
import type { Database } from '../../storage/database.js';
import { drainInbox, storeInInbox } from './alert-inbox.js';
import { countAlerts, ingestAlerts, type AlertSubmission } from './ingest-alerts.js';
import type { RunbookCatalogue } from './suggest-runbooks.js';

/** How long no request must arrive before this node turns to its inbox. */
const idleMs = 3;

interface Pending {
  submission: AlertSubmission;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface AlertWriterOptions {
  db: Database;
  catalogue: RunbookCatalogue;
  now?: () => Date;
  logger?: Pick<Logger, 'error'>;
  /** Alerts per transaction at most; a request is never split. */
  maxBatchAlerts?: number;
  /** Requests taken from the inbox per transaction, between two flushes of new ones. */
  inboxChunk?: number;
  /** Told how many alerts were handled for good, once committed (metrics). */
  onProcessed?: (alerts: number) => void;
}

/**
 * Commits alerts in groups: a request's alerts are acknowledged (its promise resolves) only once
 * the transaction holding them has committed, and requests arriving while a transaction runs
 * share the next one. A lone request is handled at once (once the current turn of the event loop
 * ends); requests arriving together are committed as received into the inbox and handled when
 * the node is idle, in arrival order (see alert-inbox.ts). A failed group is retried request by
 * request, so that one bad request does not fail the others.
 */
export class AlertWriter {
  private readonly queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private stopped = false;
  /** This node put requests in the inbox that it has not seen drained yet: newer ones queue behind them. */
  private backlog = false;
  /**
   * At start, the inbox may hold what a node that stopped or died left behind: handled when idle.
   * (New requests are not held back for them: a crash already broke the order of those alerts.)
   */
  private leftovers = true;
  private readonly maxBatchAlerts: number;
  /** Ends the wait for an idle moment early: set while the inbox waits, called by `submit`. */
  private wake: (() => void) | null = null;

  constructor(private readonly options: AlertWriterOptions) {
    this.maxBatchAlerts = options.maxBatchAlerts ?? 5_000;
  }

  /** Stores one request's alerts; resolves once they are committed. */
  submit(submission: AlertSubmission): Promise<void> {
    if (this.stopped) return Promise.reject(new AppError('unavailable', 'the server is shutting down'));
    return new Promise((resolve, reject) => {
      this.queue.push({ submission, resolve, reject });
      this.wake?.();
      this.kick();
    });
  }

  /** Requests waiting in memory for their transaction: the ingest throttle counts them. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Stops taking alerts and waits until everything accepted is committed (or failed). */
  async stop(): Promise<void> {
    this.stopped = true;
    while (this.flushing !== null) await this.flushing;
  }

  private kick(): void {
    if (this.flushing !== null) return;
    this.flushing = this.drain().finally(() => {
      this.flushing = null;
      if (this.queue.length > 0) this.kick();
    });
  }

  private async drain(): Promise<void> {
    for (;;) {
      while (this.queue.length > 0) await this.flushQueue();
      // The inbox is handled a chunk at a time once no request came for a moment: under load, the
      // next requests arrive within a millisecond of the answers, and accepting them comes first.
      if (!(this.backlog || this.leftovers) || this.stopped) return;
      await this.idle();
      if (this.queue.length === 0) await this.drainChunk();
    }
  }

  /** Waits `idleMs`, or less if a request arrives meanwhile (it must not wait for the inbox). */
  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, idleMs);
      this.wake = done;
    });
  }

  /** Takes the requests waiting now and commits them: handled at once, or into the inbox under load. */
  private async flushQueue(): Promise<void> {
    // Let this turn of the event loop end first, so that every request read from the sockets in
    // it joins the flush. PGlite runs a whole transaction in microtasks, without giving the event
    // loop a turn: without this wait the first request read after a flush would start the next
    // flush alone, and every request would get a transaction (and a commit) of its own.
    await nextTurn();
    const batch = this.take();
    if (batch.length === 0) return;
    try {
      // Under load (requests waiting together, or an inbox not yet drained, which newer alerts
      // must not overtake) the alerts are committed as received and handled right after.
      if (batch.length > 1 || this.backlog) {
        await storeInInbox(
          this.options.db,
          batch.map((pending) => pending.submission),
          this.now(),
        );
        this.backlog = true;
      } else {
        await this.write(batch.map((pending) => pending.submission));
      }
      for (const pending of batch) pending.resolve();
    } catch (error) {
      if (batch.length === 1) {
        this.fail(batch[0]!, error);
        return;
      }
      for (const pending of batch) {
        await this.write([pending.submission]).then(pending.resolve, (single: unknown) => this.fail(pending, single));
      }
    }
  }

  /** Starts handling what the inbox holds from before this node started, when idle. */
  start(): void {
    this.kick();
  }

  /** Handles the oldest requests of the inbox; notes when it is empty. Errors are logged, the rows stay. */
  private async drainChunk(): Promise<void> {
    const chunk = this.options.inboxChunk ?? 4;
    try {
      let alerts = 0;
      const taken = await drainInbox(this.options.db, chunk, (db, submissions) => {
        alerts = countAlerts(submissions);
        return ingestAlerts(this.ctxOn(db), submissions, this.options.catalogue);
      });
      if (alerts > 0) this.options.onProcessed?.(alerts);
      if (taken < chunk) this.backlog = this.leftovers = false;
    } catch (error) {
      // Left in the inbox for the sweep to retry; this node goes back to answering.
      this.backlog = this.leftovers = false;
      this.options.logger?.error({ err: error }, 'handling alerts from the inbox failed');
    }
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  private ctxOn(db: Ctx['db']): Ctx {
    return systemCtx(db, () => this.now(), 'alert-writer');
  }

  private take(): Pending[] {
    const batch: Pending[] = [];
    let alerts = 0;
    while (this.queue.length > 0) {
      const next = this.queue[0]!;
      if (batch.length > 0 && alerts + next.submission.alerts.length > this.maxBatchAlerts) break;
      batch.push(this.queue.shift()!);
      alerts += next.submission.alerts.length;
    }
    return batch;
  }

  private async write(submissions: AlertSubmission[]): Promise<void> {
    await ingestAlerts(this.ctxOn(this.options.db), submissions, this.options.catalogue);
    this.options.onProcessed?.(countAlerts(submissions));
  }

  private fail(pending: Pending, error: unknown): void {
    if (!(error instanceof AppError))
      this.options.logger?.error(
        { err: error, integration: pending.submission.integration.name },
        'storing alerts failed',
      );
    pending.reject(error);
  }
}
