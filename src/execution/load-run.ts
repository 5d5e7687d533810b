import { uuidPattern } from './load-run-step.js';
import { notFound } from '../core/app-error.js';
import type { Queryable } from '../storage/database.js';
import { toRun, type Run, type RunRow, type StepExecutionRow } from './run-model.js';
import { selectExecutions, selectRun } from './run-statements.js';

/** A run with its step executions, or not_found (also for an id that is not a UUID). */
export async function loadRun(db: Queryable, id: string, now: Date): Promise<Run> {
  if (!uuidPattern.test(id)) throw notFound('run', id);
  const { rows } = await db.query<RunRow>(selectRun, [id]);
  const row = rows[0];
  if (row === undefined) throw notFound('run', id);
  const executions = await db.query<StepExecutionRow>(selectExecutions, [id, now]);
  return toRun(row, executions.rows);
}
