import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Logger } from 'pino';
import { AppError } from '../../core/app-error.js';
import type { Ctx } from '../../core/context.js';
import { systemActor } from '../../core/actor.js';
import type { Database } from '../../storage/database.js';
import { ingestAlerts, type AlertSubmission, type IngestSummary } from './ingest-alerts.js';
import type { RunbookCatalogue } from './suggest-runbooks.js';

interface Pending {
  submission: AlertSubmission;
  resolve: (summary: IngestSummary) => void;
  reject: (error: unknown) => void;
}

export interface AlertWriterOptions {
  db: Database;
  catalogue: RunbookCatalogue;
  now?: () => Date;
  logger?: Pick<Logger, 'error'>;
  /** Alerts per transaction at most; a request is never split. */
  maxBatchAlerts?: number;
}

/**
 * Commits alerts in groups: a request's alerts are acknowledged (its promise resolves) only once
 * the transaction holding them has committed, and requests arriving while a transaction runs
 * share the next one. Under load that is a few transactions per second instead of one per
 * request; when idle, a lone request is written at once (once the current turn of the event loop
 * ends). A failed group is retried request by request, so that one bad request does not fail the
 * others.
 */
export class AlertWriter {
  private readonly queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private stopped = false;
  private readonly maxBatchAlerts: number;

  constructor(private readonly options: AlertWriterOptions) {
    this.maxBatchAlerts = options.maxBatchAlerts ?? 5_000;
  }

  /** Stores one request's alerts; resolves once they are committed. */
  submit(submission: AlertSubmission): Promise<IngestSummary> {
    if (this.stopped) return Promise.reject(new AppError('unavailable', 'the server is shutting down'));
    return new Promise((resolve, reject) => {
      this.queue.push({ submission, resolve, reject });
      this.kick();
    });
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
    while (this.queue.length > 0) {
      // Let this turn of the event loop end first, so that every request read from the sockets in
      // it joins the flush. PGlite runs a whole transaction in microtasks, without giving the event
      // loop a turn: without this wait the first request read after a flush would start the next
      // flush alone, and every request would get a transaction (and a commit) of its own.
      await nextTurn();
      const batch = this.take();
      try {
        const summary = await this.write(batch.map((pending) => pending.submission));
        for (const pending of batch) pending.resolve(summary);
      } catch (error) {
        if (batch.length === 1) {
          this.fail(batch[0]!, error);
          continue;
        }
        for (const pending of batch) {
          await this.write([pending.submission]).then(pending.resolve, (single: unknown) => this.fail(pending, single));
        }
      }
    }
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

  private write(submissions: AlertSubmission[]): Promise<IngestSummary> {
    const ctx: Ctx = { actor: systemActor, requestId: 'alert-writer', db: this.options.db, now: this.options.now ?? (() => new Date()) };
    return ingestAlerts(ctx, submissions, this.options.catalogue);
  }

  private fail(pending: Pending, error: unknown): void {
    if (!(error instanceof AppError)) this.options.logger?.error({ err: error, integration: pending.submission.integration.name }, 'storing alerts failed');
    pending.reject(error);
  }
}
