import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { notFound, validationError } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { checkParameterRules, ParameterRuleSchema } from './parameters/parameter-rules.js';
import type { RunnerLabels } from './jobs/runner-model.js';
import { formatSelector, parseRunnerSelector } from './jobs/runner-selector.js';

export const ExecutionSettingsSchema = Type.Object(
  {
    allowSelfApproval: Type.Boolean({ description: 'whoever asks to run a destructive step may approve it too' }),
    parameters: Type.Optional(
      Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }), ParameterRuleSchema, {
        description: 'what values each parameter of the runbook accepts, by name (replaces the rules set before)',
      }),
    ),
    runner: Type.Optional(
      Type.String({
        maxLength: 500,
        description:
          'which runners run its steps: labels such as "env=prod, site=eu" (a step\'s own "runner" attribute wins); empty: any runner',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ExecutionSettings = Static<typeof ExecutionSettingsSchema>;

const upsertSettings = `
  INSERT INTO runbook_execution_settings (runbook_id, allow_self_approval, parameter_rules, runner_selector, updated_at)
  VALUES ($1, $2, $3, COALESCE($4::jsonb, '{}'), $5)
  ON CONFLICT (runbook_id) DO UPDATE SET allow_self_approval = EXCLUDED.allow_self_approval, parameter_rules = EXCLUDED.parameter_rules,
                                         runner_selector = COALESCE($4::jsonb, runbook_execution_settings.runner_selector), updated_at = EXCLUDED.updated_at
  RETURNING runner_selector`;

/**
 * Sets how a runbook's steps run (admin): whether destructive steps may be approved by whoever
 * asked for them, what values its parameters accept, and which runners run them. A pattern that does not compile is a
 * 400 naming it; the rules replace those set before.
 */
export async function updateExecutionSettings({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { runbookId: string } & ExecutionSettings;
}): Promise<Required<ExecutionSettings>> {
  requireRole(ctx, 'admin');
  const parameters = input.parameters ?? {};
  const selector = parseRunnerSelector(input.runner ?? '', '/runner');
  const issues = [...checkParameterRules(parameters), ...selector.issues];
  if (issues.length > 0) throw validationError('a parameter rule or the runner selector is invalid', issues);
  return inTransaction(ctx, async (tx) => {
    const exists = await tx.db.query('SELECT 1 FROM runbooks WHERE id = $1 AND deleted_at IS NULL', [input.runbookId]);
    if (exists.rows.length === 0) throw notFound('runbook', input.runbookId);
    // Left out, the runner selector stays as it was (forms that only edit parameter rules keep it).
    const { rows } = await tx.db.query<{ runner_selector: RunnerLabels }>(upsertSettings, [
      input.runbookId,
      input.allowSelfApproval,
      JSON.stringify(parameters),
      input.runner === undefined ? null : JSON.stringify(selector.labels),
      tx.now(),
    ]);
    const runner = formatSelector(rows[0]!.runner_selector);
    await recordAudit(tx, {
      action: 'runbook.execution_settings',
      targetType: 'runbook',
      targetId: input.runbookId,
      details: { allowSelfApproval: input.allowSelfApproval, parameters, runner },
    });
    return { allowSelfApproval: input.allowSelfApproval, parameters, runner };
  });
}
