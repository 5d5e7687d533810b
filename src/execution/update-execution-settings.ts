import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { notFound, validationError } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { checkParameterRules, ParameterRuleSchema } from './parameters/parameter-rules.js';

export const ExecutionSettingsSchema = Type.Object(
  {
    allowSelfApproval: Type.Boolean({ description: 'whoever asks to run a destructive step may approve it too' }),
    parameters: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }), ParameterRuleSchema, {
      description: 'what values each parameter of the runbook accepts, by name (replaces the rules set before)',
    })),
  },
  { additionalProperties: false },
);
export type ExecutionSettings = Static<typeof ExecutionSettingsSchema>;

const upsertSettings = `
  INSERT INTO runbook_execution_settings (runbook_id, allow_self_approval, parameter_rules, updated_at) VALUES ($1, $2, $3, $4)
  ON CONFLICT (runbook_id) DO UPDATE SET allow_self_approval = EXCLUDED.allow_self_approval, parameter_rules = EXCLUDED.parameter_rules,
                                         updated_at = EXCLUDED.updated_at`;

/**
 * Sets how a runbook's steps run (admin): whether destructive steps may be approved by whoever
 * asked for them, and what values its parameters accept. A pattern that does not compile is a
 * 400 naming it; the rules replace those set before.
 */
export async function updateExecutionSettings({ ctx, input }: { ctx: Ctx; input: { runbookId: string } & ExecutionSettings }): Promise<Required<ExecutionSettings>> {
  requireRole(ctx, 'admin');
  const parameters = input.parameters ?? {};
  const issues = checkParameterRules(parameters);
  if (issues.length > 0) throw validationError('a parameter rule is invalid', issues);
  return inTransaction(ctx, async (tx) => {
    const exists = await tx.db.query('SELECT 1 FROM runbooks WHERE id = $1 AND deleted_at IS NULL', [input.runbookId]);
    if (exists.rows.length === 0) throw notFound('runbook', input.runbookId);
    await tx.db.query(upsertSettings, [input.runbookId, input.allowSelfApproval, JSON.stringify(parameters), tx.now()]);
    await recordAudit(tx, {
      action: 'runbook.execution_settings', targetType: 'runbook', targetId: input.runbookId,
      details: { allowSelfApproval: input.allowSelfApproval, parameters },
    });
    return { allowSelfApproval: input.allowSelfApproval, parameters };
  });
}
