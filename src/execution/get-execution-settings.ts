import { notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import type { Queryable } from '../storage/database.js';
import type { ParameterRules } from './parameters/parameter-rules.js';
import type { ExecutionSettings } from './update-execution-settings.js';
import type { RunnerLabels } from './jobs/runner-model.js';
import { formatSelector } from './jobs/runner-selector.js';

const selectSettings = `
  SELECT r.id, s.allow_self_approval, s.parameter_rules, s.runner_selector
    FROM runbooks r LEFT JOIN runbook_execution_settings s ON s.runbook_id = r.id
   WHERE r.id = $1 AND r.deleted_at IS NULL`;
const selectStepSettings = `SELECT parameter_rules, runner_selector FROM runbook_execution_settings WHERE runbook_id = $1`;

/** How a runbook's steps run: the defaults (no self-approval, no rules) until an admin sets them. */
export async function getExecutionSettings({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { runbookId: string };
}): Promise<Required<ExecutionSettings>> {
  requireRole(ctx, 'viewer');
  const row = (
    await ctx.db.query<{
      allow_self_approval: boolean | null;
      parameter_rules: ParameterRules | null;
      runner_selector: RunnerLabels | null;
    }>(selectSettings, [input.runbookId])
  ).rows[0];
  if (row === undefined) throw notFound('runbook', input.runbookId);
  return {
    allowSelfApproval: row.allow_self_approval ?? false,
    parameters: row.parameter_rules ?? {},
    runner: formatSelector(row.runner_selector ?? {}),
  };
}

/** What an admin set for a runbook's steps, for preparing and queueing them: parameter rules, and the runners they go to. */
export async function loadStepSettings(
  db: Queryable,
  runbookId: string,
): Promise<{ rules: ParameterRules; runnerSelector: RunnerLabels }> {
  const row = (
    await db.query<{ parameter_rules: ParameterRules; runner_selector: RunnerLabels }>(selectStepSettings, [runbookId])
  ).rows[0];
  return { rules: row?.parameter_rules ?? {}, runnerSelector: row?.runner_selector ?? {} };
}
