import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { actionFields, checkActionFields } from './corrective-action-input.js';
import type { CorrectiveAction } from './postmortem-model.js';
import { lockPostmortemRow, selectActions, toCorrectiveAction, type ActionRow } from './postmortem-store.js';

export const AddCorrectiveActionInput = Type.Object(
  {
    title: actionFields.title,
    ownerId: Type.Optional(actionFields.ownerId),
    dueDate: Type.Optional(actionFields.dueDate),
    term: Type.Optional(actionFields.term),
  },
  { additionalProperties: false },
);
export type AddCorrectiveActionInput = Static<typeof AddCorrectiveActionInput>;

const insertAction = `
  INSERT INTO postmortem_actions (postmortem_id, title, owner_id, due_date, term, created_at, updated_at)
  VALUES ($1, $2, $3::uuid, $4::date, $5, $6, $6) RETURNING id`;

/**
 * Adds a corrective action to an incident's post-mortem (responder), open, with an owner and a
 * due date when known. Actions are added whatever the post-mortem's status: what a published
 * post-mortem commits to is tracked until done.
 */
export async function addCorrectiveAction({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & AddCorrectiveActionInput;
}): Promise<CorrectiveAction> {
  requireRole(ctx, 'responder');
  return inTransaction(ctx, async (tx) => {
    const postmortem = await lockPostmortemRow(tx.db, input.id);
    await checkActionFields(tx.db, input);
    const { rows } = await tx.db.query<{ id: string }>(insertAction, [
      postmortem.id,
      input.title,
      input.ownerId ?? null,
      input.dueDate ?? null,
      input.term ?? null,
      tx.now(),
    ]);
    const actionId = rows[0]!.id;
    await recordAudit(tx, {
      action: 'postmortem.add_action',
      targetType: 'incident',
      targetId: input.id,
      details: { actionId, ownerId: input.ownerId ?? null, dueDate: input.dueDate ?? null },
    });
    const added = (await tx.db.query<ActionRow>(`${selectActions} WHERE a.id = $1::uuid`, [actionId])).rows[0]!;
    return toCorrectiveAction(added, tx.now());
  });
}
