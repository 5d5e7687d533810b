import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { conflict, notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { appendIncidentEvent } from '../incidents/append-incident-event.js';
import { lockIncidentRow } from '../incidents/load-incident.js';
import { loadIncidentChecklists, type IncidentChecklist } from './incident-checklist-model.js';

export const CheckChecklistItemInput = Type.Object(
  {
    checked: Type.Boolean({ description: 'true checks the item, false unchecks it' }),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 5000, description: 'shown in the timeline' })),
  },
  { additionalProperties: false },
);
export type CheckChecklistItemInput = Static<typeof CheckChecklistItemInput>;

const selectItem = `
  SELECT i.text, i.checked_at, i.checked_by
    FROM incident_checklists c JOIN incident_checklist_items i ON i.checklist_id = c.id
   WHERE c.incident_id = $1 AND c.id = $2::uuid AND i.position = $3`;

const setItemChecked = `
  UPDATE incident_checklist_items SET checked_at = $3, checked_by = $4 WHERE checklist_id = $1::uuid AND position = $2`;

/**
 * Checks or unchecks one item of an incident's checklist (responder), recording who and when in
 * the timeline. Checking a checked item (or unchecking an unchecked one) is a conflict: two
 * responders working the same step should learn of each other rather than both think they did it.
 */
export async function checkChecklistItem({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; checklistId: string; position: number } & CheckChecklistItemInput;
}): Promise<IncidentChecklist> {
  requireRole(ctx, 'responder');
  return inTransaction(ctx, async (tx) => {
    await lockIncidentRow(tx, input.id);
    const item = (
      await tx.db.query<{ text: string; checked_at: Date | null; checked_by: string | null }>(selectItem, [
        input.id,
        input.checklistId,
        input.position,
      ])
    ).rows[0];
    if (item === undefined) throw notFound('checklist item', `${input.checklistId}#${input.position}`);
    const isChecked = item.checked_at !== null;
    if (isChecked === input.checked) {
      throw conflict(`item ${input.position} is already ${input.checked ? 'checked' : 'unchecked'}`, {
        checklistId: input.checklistId,
        position: input.position,
        checkedAt: item.checked_at?.toISOString() ?? null,
        checkedBy: item.checked_by,
      });
    }
    const now = tx.now();
    await tx.db.query(setItemChecked, [
      input.checklistId,
      input.position,
      input.checked ? now : null,
      input.checked ? tx.actor.name : null,
    ]);
    await appendIncidentEvent(tx, input.id, {
      type: input.checked ? 'checklist_item_checked' : 'checklist_item_unchecked',
      payload: {
        checklistId: input.checklistId,
        position: input.position,
        text: item.text,
        ...(input.note === undefined ? {} : { note: input.note }),
      },
    });
    await recordAudit(tx, {
      action: input.checked ? 'incident.check_checklist_item' : 'incident.uncheck_checklist_item',
      targetType: 'incident',
      targetId: input.id,
      details: { checklistId: input.checklistId, position: input.position },
    });
    const [checklist] = await loadIncidentChecklists(tx.db, input.id, input.checklistId);
    return checklist!;
  });
}
