import { randomUUID } from 'node:crypto';
import type { Database, Transaction } from '../storage/database.js';
import { JobLoop, type JobErrorSink } from './job-loop.js';

/** A due timer, as a handler receives it. */
export interface DueTimer {
  id: string;
  kind: string;
  dueAt: Date;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * Does what a timer of one kind asks. It runs in a transaction holding the timer's row lock,
 * with the timer still not done: what it writes and the timer's completion commit together, so
 * the work happens once even when a lease expired and two nodes reach the same timer. A handler
 * with slow outside work (sending a message) returns `later` to do it after the commit.
 */
export type TimerHandler = (tx: Transaction, timer: DueTimer) => Promise<void | { later: () => Promise<void> }>;

const claimDueTimers = `
  UPDATE timers t SET lease_until = $2, attempts = t.attempts + 1
    FROM (SELECT id FROM timers
           WHERE done_at IS NULL AND due_at <= $1 AND (lease_until IS NULL OR lease_until < $1)
           ORDER BY due_at LIMIT $3 FOR UPDATE SKIP LOCKED) due
   WHERE t.id = due.id
  RETURNING t.id, t.kind, t.due_at, t.payload, t.attempts`;
const lockTimer = `SELECT done_at FROM timers WHERE id = $1 FOR UPDATE`;
const finishTimer = `UPDATE timers SET done_at = $2, lease_until = NULL, last_error = NULL WHERE id = $1`;
const releaseTimer = `UPDATE timers SET lease_until = NULL, due_at = $2, last_error = $3 WHERE id = $1`;

export interface TimerRunnerOptions {
  db: Database;
  handlers: Readonly<Record<string, TimerHandler>>;
  now?: () => Date;
  /** How often a node looks for due timers. */
  intervalMs?: number;
  /** How long a node holds a timer it claimed before another may take it over. */
  leaseMs?: number;
  batchSize?: number;
  /**
   * Follows timers as they are scheduled (earliest due time, epoch ms, heard at commit): one due
   * before the next look runs at once, or when due, instead of waiting for the poll.
   */
  scheduled?: (follower: (dueAt: number) => void) => () => void;
  onError: JobErrorSink;
  /** Told how late each timer runs after it was due, in seconds (metrics). */
  onLag?: (kind: string, seconds: number) => void;
}

/**
 * Runs due timers on this node: claims a batch (SKIP LOCKED, with a lease, so nodes share the
 * work and a node killed mid-way loses only its lease), then runs each in its own transaction.
 * A failed handler is retried a little later (back-off by attempts), never lost.
 */
export function createTimerRunner(options: TimerRunnerOptions): JobLoop & { readonly nodeId: string } {
  const now = options.now ?? (() => new Date());
  const leaseMs = options.leaseMs ?? 30_000;
  const batchSize = options.batchSize ?? 200;
  const nodeId = randomUUID();
  const runDue = async (): Promise<void> => {
    for (;;) {
      const at = now();
      const { rows } = await options.db.query<{
        id: string;
        kind: string;
        due_at: Date;
        payload: Record<string, unknown>;
        attempts: number;
      }>(claimDueTimers, [at, new Date(at.getTime() + leaseMs), batchSize]);
      await Promise.all(
        rows.map((row) =>
          runTimer(
            options,
            { id: row.id, kind: row.kind, dueAt: row.due_at, payload: row.payload, attempts: row.attempts },
            now,
          ),
        ),
      );
      if (rows.length < batchSize) return;
    }
  };
  const intervalMs = options.intervalMs ?? 200;
  const loop = new JobLoop('timers', intervalMs, runDue, options.onError);
  const unfollow = options.scheduled?.((dueAt) => {
    const inMs = dueAt - now().getTime();
    if (inMs > intervalMs) return; // the next look finds it in time
    if (inMs <= 0) loop.wake();
    else setTimeout(() => loop.wake(), inMs).unref();
  });
  const stopLoop = loop.stop.bind(loop);
  const stop = async (): Promise<void> => {
    unfollow?.();
    await stopLoop();
  };
  return Object.assign(loop, { nodeId, stop });
}

async function runTimer(options: TimerRunnerOptions, timer: DueTimer, now: () => Date): Promise<void> {
  const handler = options.handlers[timer.kind];
  options.onLag?.(timer.kind, Math.max(0, now().getTime() - timer.dueAt.getTime()) / 1000);
  try {
    if (handler === undefined) throw new Error(`no handler for timers of kind ${timer.kind}`);
    const result = await options.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ done_at: Date | null }>(lockTimer, [timer.id]);
      if (rows[0] === undefined || rows[0].done_at !== null) return undefined; // done by another node meanwhile
      const outcome = await handler(tx, timer);
      await tx.query(finishTimer, [timer.id, now()]);
      return outcome;
    });
    if (result !== undefined) await result.later();
  } catch (error) {
    options.onError(error, `timer ${timer.id}`);
    const retryIn = Math.min(60_000, 1000 * 2 ** Math.min(timer.attempts, 6));
    await options.db
      .query(releaseTimer, [timer.id, new Date(now().getTime() + retryIn), String(error).slice(0, 2000)])
      .catch((release: unknown) => options.onError(release, `timer ${timer.id}`));
  }
}
