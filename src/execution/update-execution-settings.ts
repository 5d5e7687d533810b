import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';

export const ExecutionSettingsSchema = Type.Object(
  { allowSelfApproval: Type.Boolean({ description: 'whoever asks to run a destructive step may approve it too' }) },
  { additionalProperties: false },
);
export type ExecutionSettings = Static<typeof ExecutionSettingsSchema>;

const upsertSettings = `
  INSERT INTO runbook_execution_settings (runbook_id, allow_self_approval, updated_at) VALUES ($1, $2, $3)
  ON CONFLICT (runbook_id) DO UPDATE SET allow_self_approval = EXCLUDED.allow_self_approval, updated_at = EXCLUDED.updated_at`;

/** Sets how a runbook's destructive steps are approved (admin). */
export async function updateExecutionSettings({ ctx, input }: { ctx: Ctx; input: { runbookId: string } & ExecutionSettings }): Promise<ExecutionSettings> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const exists = await tx.db.query('SELECT 1 FROM runbooks WHERE id = $1 AND deleted_at IS NULL', [input.runbookId]);
    if (exists.rows.length === 0) throw notFound('runbook', input.runbookId);
    await tx.db.query(upsertSettings, [input.runbookId, input.allowSelfApproval, tx.now()]);
    await recordAudit(tx, { action: 'runbook.execution_settings', targetType: 'runbook', targetId: input.runbookId, details: { allowSelfApproval: input.allowSelfApproval } });
    return { allowSelfApproval: input.allowSelfApproval };
  });
}
