import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Logger } from 'pino';
import { AppError } from '../../core/app-error.js';
import { systemCtx } from '../../core/context.js';
import type { Database } from '../../storage/database.js';
import { storeInInbox } from './alert-inbox.js';
import { InboxDrainer } from './inbox-drainer.js';
import { countAlerts, ingestAlerts, type AlertSubmission } from './ingest-alerts.js';
import type { RunbookCatalogue } from './suggest-runbooks.js';

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
  /** How long one transaction of the inbox's backlog should take (see InboxDrainer). */
  inboxTargetMs?: number;
  /** Told how many alerts were handled for good, once committed (metrics). */
  onProcessed?: (alerts: number) => void;
}

/**
 * Commits alerts in groups: a request's alerts are acknowledged (its promise resolves) only once
 * the transaction holding them has committed, and requests arriving while a transaction runs
 * share the next one. A lone request is handled at once (once the current turn of the event loop
 * ends); requests arriving together are committed as received into the inbox (see alert-inbox.ts)
 * and handled by a second loop, continuously, new groups first (see InboxDrainer): accepting
 * never waits for the backlog, and on PostgreSQL both run at once. A failed group is retried
 * request by request, so that one bad request does not fail the others.
 */
export class AlertWriter {
  private readonly queue: Pending[] = [];
  private accepting: Promise<void> | null = null;
  private drainLoop: Promise<void> | null = null;
  private stopped = false;
  /**
   * The inbox may hold rows for this node: it put some there, or (from `start`) a node that
   * stopped or died left some behind. Cleared when a step finds nothing; new requests then are
   * handled at once again (they must not overtake rows still waiting, hence the inbox while set).
   */
  private backlog = false;
  /** Counts stores into the inbox: a drain step that found nothing may have begun before the last one. */
  private stores = 0;
  private readonly maxBatchAlerts: number;
  private readonly drainer: InboxDrainer;

  constructor(private readonly options: AlertWriterOptions) {
    this.maxBatchAlerts = options.maxBatchAlerts ?? 5_000;
    this.drainer = new InboxDrainer({
      db: options.db,
      catalogue: options.catalogue,
      now: () => this.now(),
      logger: options.logger,
      onProcessed: options.onProcessed,
      targetMs: options.inboxTargetMs,
    });
  }

  /** Stores one request's alerts; resolves once they are committed. */
  submit(submission: AlertSubmission): Promise<void> {
    if (this.stopped) return Promise.reject(new AppError('unavailable', 'the server is shutting down'));
    return new Promise((resolve, reject) => {
      this.queue.push({ submission, resolve, reject });
      this.accept();
    });
  }

  /** Requests waiting in memory for their transaction: the ingest throttle counts them. */
  get waiting(): number {
    return this.queue.length;
  }

  /** This node is handling the inbox now (new groups first): a sweep of it would only compete. */
  get draining(): boolean {
    return this.drainLoop !== null;
  }

  /** Starts handling what the inbox holds from before this node started. */
  start(): void {
    this.drain();
  }

  /** Stops taking alerts and waits until everything accepted is committed (or failed). */
  async stop(): Promise<void> {
    this.stopped = true;
    while (this.accepting !== null || this.drainLoop !== null) await Promise.all([this.accepting, this.drainLoop]);
  }

  private accept(): void {
    if (this.accepting !== null) return;
    this.accepting = (async () => {
      while (this.queue.length > 0) await this.flushQueue();
    })().finally(() => {
      this.accepting = null;
      if (this.queue.length > 0) this.accept();
    });
  }

  /** Handles the inbox until a step finds nothing (or the node stops: what is left waits there). */
  private drain(): void {
    if (this.drainLoop !== null || this.stopped) return;
    // While the inbox is being handled, new requests queue behind what it holds.
    this.backlog = true;
    this.drainLoop = (async () => {
      while (!this.stopped) {
        const stores = this.stores;
        const outcome = await this.drainer.step();
        // PGlite runs a transaction in microtasks: without a turn of the event loop between two,
        // no request would be read (nor any timer run) until the whole backlog is handled.
        await nextTurn();
        if (outcome === 'taken' || (outcome === 'empty' && this.stores !== stores)) continue;
        // Empty, or failing (logged; the rows wait for a later store's drain or another node's
        // sweep): new lone requests are handled at once again.
        this.backlog = false;
        return;
      }
    })().finally(() => (this.drainLoop = null));
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
      // must not overtake) the alerts are committed as received and handled by the drain loop.
      if (batch.length > 1 || this.backlog) {
        await storeInInbox(
          this.options.db,
          batch.map((pending) => pending.submission),
          this.now(),
        );
        this.backlog = true;
        this.stores += 1;
        this.drain();
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

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
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
    await ingestAlerts(
      systemCtx(this.options.db, () => this.now(), 'alert-writer'),
      submissions,
      this.options.catalogue,
    );
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
