import { recordAudit } from '../audit/record-audit.js';
import { systemCtx, type Ctx } from '../core/context.js';
import { appendIncidentEvent } from '../incidents/append-incident-event.js';
import { lockIncidentRow } from '../incidents/load-incident.js';
import { loadRunbookVersion } from '../runbooks/load-runbook-version.js';
import type { Database, Transaction } from '../storage/database.js';
import type { RunRow } from './run-model.js';
import { lockRun } from './run-statements.js';

const latestAttempts = `
  SELECT DISTINCT ON (step_id) step_id, status FROM step_executions WHERE run_id = $1 ORDER BY step_id, attempt DESC`;
const markVerified = `UPDATE runs SET status = 'verified', ended_at = $2 WHERE id = $1 AND status = 'active'`;

/**
 * Ends a run as verified once every step of the runbook's verification sections has passed (its
 * latest attempt succeeded, or a manual check was done), and says so in the timeline. Does
 * nothing for a run already ended, a runbook without verification steps, or while one has not
 * passed: a failed verification leaves the run active, for the responders to fix and check again.
 * Runs in the caller's transaction, the run row locked.
 */
export async function concludeIfVerified(tx: Ctx, run: RunRow): Promise<boolean> {
  if (run.status !== 'active') return false;
  const version = await loadRunbookVersion(tx.db, run.runbook_id, run.runbook_version);
  const checks = version.structure.sections
    .filter((section) => section.kind === 'verification')
    .flatMap((section) => section.steps.filter((step) => step.kind !== 'config'));
  if (checks.length === 0) return false;
  const { rows } = await tx.db.query<{ step_id: string; status: string }>(latestAttempts, [run.id]);
  const latest = new Map(rows.map((row) => [row.step_id, row.status]));
  if (!checks.every((step) => ['succeeded', 'done'].includes(latest.get(step.id) ?? ''))) return false;
  await tx.db.query(markVerified, [run.id, tx.now()]);
  const note = `all ${checks.length} verification step${checks.length === 1 ? '' : 's'} passed`;
  if (run.incident_id !== null) {
    await lockIncidentRow(tx, run.incident_id);
    await appendIncidentEvent(tx, run.incident_id, {
      type: 'run_ended',
      payload: {
        runId: run.id,
        runbookId: run.runbook_id,
        outcome: 'verified',
        note,
        automatic: true,
      },
    });
  }
  await recordAudit(tx, {
    action: 'run.end',
    targetType: 'run',
    targetId: run.id,
    details: { outcome: 'verified', automatic: true },
  });
  return true;
}

/** `concludeIfVerified` in its own transaction, as the step runner calls it after a verification step passed. */
export async function concludeVerifiedRun(
  db: Database | Transaction,
  runId: string,
  now: () => Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const run = (await tx.query<RunRow>(lockRun, [runId])).rows[0];
    if (run === undefined) return false;
    const ctx: Ctx = systemCtx(tx, now, 'step-runner');
    return concludeIfVerified(ctx, run);
  });
}
