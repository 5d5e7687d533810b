import { liveRunnerFor } from './jobs/runner-model.js';

/** Named SQL statements of the execution domain. */

export const insertRun = `
  INSERT INTO runs (incident_id, runbook_id, runbook_version, status, started_at, started_by_type, started_by_id, started_by_name)
  VALUES ($1, $2, $3, 'active', $4, $5, $6, $7)
  RETURNING *`;

export const selectRun = `SELECT * FROM runs WHERE id = $1::uuid`;

export const lockRun = `SELECT * FROM runs WHERE id = $1::uuid FOR UPDATE`;

/** `no_runner` of the queued steps no live runner may take at instant `now` (an SQL parameter). */
export const noRunnerColumn = (now: string): string =>
  `(e.status = 'queued' AND NOT ${liveRunnerFor(now)}) AS no_runner`;

export const selectExecutions = `
  SELECT e.*, ${noRunnerColumn('$2')} FROM step_executions e WHERE e.run_id = $1::uuid ORDER BY e.requested_at, e.attempt`;
