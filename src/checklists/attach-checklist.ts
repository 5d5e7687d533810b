import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { validationError } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { appendIncidentEvent } from '../incidents/append-incident-event.js';
import { lockIncidentRow } from '../incidents/load-incident.js';
import { ChecklistItemsInputSchema, ChecklistTemplateIdSchema } from './checklist-template-model.js';
import { loadIncidentChecklists, type IncidentChecklist } from './incident-checklist-model.js';

export const AttachChecklistInput = Type.Object(
  {
    templateId: Type.Optional(ChecklistTemplateIdSchema),
    name: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: "defaults to the template's name; required for an ad-hoc list",
      }),
    ),
    items: Type.Optional(ChecklistItemsInputSchema),
  },
  { additionalProperties: false, description: 'either templateId, or name and items for an ad-hoc checklist' },
);
export type AttachChecklistInput = Static<typeof AttachChecklistInput>;

const selectTemplate = 'SELECT name, items FROM checklist_templates WHERE id = $1';

const insertChecklist = `
  INSERT INTO incident_checklists (incident_id, template_id, name, created_at) VALUES ($1, $2, $3, $4) RETURNING id`;

const insertItem = `INSERT INTO incident_checklist_items (checklist_id, position, text) VALUES ($1::uuid, $2, $3)`;

/**
 * Attaches a checklist to an incident (responder): a copy of a template's items, or items given
 * inline. Copying keeps what responders saw and checked stable when the template later changes.
 */
export async function attachChecklist({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & AttachChecklistInput;
}): Promise<IncidentChecklist> {
  requireRole(ctx, 'responder');
  if ((input.templateId === undefined) === (input.items === undefined)) {
    const path = input.templateId === undefined ? '/templateId' : '/items';
    throw validationError('send either templateId or items', [
      { path, message: 'send exactly one of templateId and items' },
    ]);
  }
  return inTransaction(ctx, async (tx) => {
    await lockIncidentRow(tx, input.id);
    let name = input.name;
    let texts = input.items?.map((item) => item.text) ?? [];
    if (input.templateId !== undefined) {
      const template = (
        await tx.db.query<{ name: string; items: { text: string }[] }>(selectTemplate, [input.templateId])
      ).rows[0];
      if (template === undefined)
        throw validationError('unknown checklist template', [
          { path: '/templateId', message: `no template ${input.templateId}` },
        ]);
      name ??= template.name;
      texts = template.items.map((item) => item.text);
    }
    if (name === undefined)
      throw validationError('an ad-hoc checklist needs a name', [{ path: '/name', message: 'required with items' }]);
    const { rows } = await tx.db.query<{ id: string }>(insertChecklist, [
      input.id,
      input.templateId ?? null,
      name,
      tx.now(),
    ]);
    const checklistId = rows[0]!.id;
    for (const [index, text] of texts.entries()) await tx.db.query(insertItem, [checklistId, index + 1, text]);
    await appendIncidentEvent(tx, input.id, {
      type: 'checklist_attached',
      payload: {
        checklistId,
        templateId: input.templateId ?? null,
        name,
        items: texts.map((text, index) => ({ position: index + 1, text })),
      },
    });
    await recordAudit(tx, {
      action: 'incident.attach_checklist',
      targetType: 'incident',
      targetId: input.id,
      details: { checklistId, templateId: input.templateId ?? null, items: texts.length },
    });
    const [checklist] = await loadIncidentChecklists(tx.db, input.id, checklistId);
    return checklist!;
  });
}
