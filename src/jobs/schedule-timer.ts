import type { Queryable } from '../storage/database.js';

/** Work to do at a time, by any node. */
export interface TimerSpec {
  /** Deterministic: scheduling the same work twice (a retry, two nodes) makes one timer. */
  id: string;
  kind: string;
  dueAt: Date;
  payload: Record<string, unknown>;
}

const insertTimer = `
  INSERT INTO timers (id, kind, due_at, payload) VALUES ($1, $2, $3, $4)
  ON CONFLICT (id) DO NOTHING`;

/** Schedules work on the caller's transaction; an existing timer of that id is left as it is. */
export async function scheduleTimer(db: Queryable, timer: TimerSpec): Promise<void> {
  await db.query(insertTimer, [timer.id, timer.kind, timer.dueAt, JSON.stringify(timer.payload)]);
}
