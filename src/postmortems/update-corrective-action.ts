import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { notFound, validationError } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { actionFields, checkActionFields } from './corrective-action-input.js';
import type { CorrectiveAction } from './postmortem-model.js';
import { selectActions, toCorrectiveAction, type ActionRow } from './postmortem-store.js';

export const UpdateCorrectiveActionInput = Type.Object(
  {
    title: Type.Optional(actionFields.title),
    ownerId: Type.Optional(actionFields.ownerId),
    dueDate: Type.Optional(actionFields.dueDate),
    status: Type.Optional(actionFields.status),
    term: Type.Optional(actionFields.term),
  },
  { additionalProperties: false },
);
export type UpdateCorrectiveActionInput = Static<typeof UpdateCorrectiveActionInput>;

const lockAction = `${selectActions} WHERE p.incident_id = $1 AND a.id = $2::uuid FOR UPDATE OF a`;

const updateAction = `
  UPDATE postmortem_actions SET title = $2, owner_id = $3::uuid, due_date = $4::date, status = $5, term = $6, done_at = $7, updated_at = $8
   WHERE id = $1::uuid`;

/**
 * Changes a corrective action (responder): its title, owner, due date, term or status. Done
 * records when (`doneAt`); leaving done forgets it, since the action is to do again.
 */
export async function updateCorrectiveAction({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; actionId: string } & UpdateCorrectiveActionInput;
}): Promise<CorrectiveAction> {
  requireRole(ctx, 'responder');
  const { id, actionId, ...changes } = input;
  if (Object.keys(changes).length === 0)
    throw validationError('nothing to change', [{ path: '/', message: 'send at least one field' }]);
  return inTransaction(ctx, async (tx) => {
    const row = (await tx.db.query<ActionRow>(lockAction, [id, actionId])).rows[0];
    if (row === undefined) throw notFound('corrective action', actionId);
    await checkActionFields(tx.db, changes);
    const now = tx.now();
    const status = changes.status ?? row.status;
    const doneAt = status === 'done' ? (row.done_at ?? now) : null;
    await tx.db.query(updateAction, [
      actionId,
      changes.title ?? row.title,
      changes.ownerId === undefined ? row.owner_id : changes.ownerId,
      changes.dueDate === undefined ? row.due_date : changes.dueDate,
      status,
      changes.term === undefined ? row.term : changes.term,
      doneAt,
      now,
    ]);
    await recordAudit(tx, {
      action: 'postmortem.update_action',
      targetType: 'incident',
      targetId: id,
      details: {
        actionId,
        fields: Object.keys(changes),
        ...(changes.status === undefined ? {} : { from: row.status, to: status }),
      },
    });
    const updated = (await tx.db.query<ActionRow>(`${selectActions} WHERE a.id = $1::uuid`, [actionId])).rows[0]!;
    return toCorrectiveAction(updated, now);
  });
}
