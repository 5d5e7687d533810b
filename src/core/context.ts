import type { Database, Transaction } from '../storage/database.js';
import { systemActor, type Actor } from './actor.js';

/** Where a request came from, for the audit log. */
export interface Origin {
  ip?: string;
  userAgent?: string;
}

/**
 * What every domain operation receives besides its input: who acts, under which request id,
 * on which database handle (the database, or the transaction the caller opened), and the clock.
 */
export interface Ctx {
  actor: Actor;
  requestId: string;
  db: Database | Transaction;
  now: () => Date;
  origin?: Origin;
}

/**
 * Runs `work` in a transaction (joining the caller's if there is one) with a ctx bound to it.
 * The clock is frozen for the transaction: everything one operation writes (row timestamps,
 * timeline events, audit rows) carries the same instant, so the timeline replays exactly.
 */
export function inTransaction<T>(ctx: Ctx, work: (txCtx: Ctx) => Promise<T>): Promise<T> {
  const at = ctx.now();
  return ctx.db.transaction((tx) => work({ ...ctx, db: tx, now: () => at }));
}

/**
 * The context of work Astreinte does on its own (background loops, timers, deliveries,
 * bootstrap): the system acts, `requestId` names the work in the audit log and the logs.
 */
export function systemCtx(db: Database | Transaction, now: () => Date, requestId: string, origin?: Origin): Ctx {
  return { actor: systemActor, requestId, db, now, ...(origin === undefined ? {} : { origin }) };
}
