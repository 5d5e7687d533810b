/** Named SQL statements of the execution domain. */

export const insertRun = `
  INSERT INTO runs (incident_id, runbook_id, runbook_version, status, started_at, started_by_type, started_by_id, started_by_name)
  VALUES ($1, $2, $3, 'active', $4, $5, $6, $7)
  RETURNING *`;

export const selectRun = `SELECT * FROM runs WHERE id = $1::uuid`;

export const lockRun = `SELECT * FROM runs WHERE id = $1::uuid FOR UPDATE`;

export const selectExecutions = `SELECT * FROM step_executions WHERE run_id = $1::uuid ORDER BY requested_at, attempt`;
