import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { notFound, validationError } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import {
  ChecklistItemsInputSchema,
  selectTemplateColumns,
  toChecklistTemplate,
  type ChecklistTemplate,
  type ChecklistTemplateRow,
} from './checklist-template-model.js';

export const UpdateChecklistTemplateInput = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    items: Type.Optional(ChecklistItemsInputSchema),
  },
  { additionalProperties: false },
);
export type UpdateChecklistTemplateInput = Static<typeof UpdateChecklistTemplateInput>;

const updateTemplate = `
  UPDATE checklist_templates SET name = $2, description = $3, items = $4, updated_at = $5 WHERE id = $1
  RETURNING id, name, description, items, created_at, updated_at`;

/**
 * Changes a template's name, description or items (admin). Checklists already attached to
 * incidents are copies and stay as they were.
 */
export async function updateChecklistTemplate({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & UpdateChecklistTemplateInput;
}): Promise<ChecklistTemplate> {
  requireRole(ctx, 'admin');
  const { id, ...changes } = input;
  if (Object.keys(changes).length === 0)
    throw validationError('nothing to change', [{ path: '/', message: 'send at least one field' }]);
  return inTransaction(ctx, async (tx) => {
    const current = (await tx.db.query<ChecklistTemplateRow>(`${selectTemplateColumns} WHERE id = $1 FOR UPDATE`, [id]))
      .rows[0];
    if (current === undefined) throw notFound('checklist template', id);
    const items = (changes.items ?? current.items).map((item) => ({ text: item.text }));
    const { rows } = await tx.db.query<ChecklistTemplateRow>(updateTemplate, [
      id,
      changes.name ?? current.name,
      changes.description ?? current.description,
      JSON.stringify(items),
      tx.now(),
    ]);
    await recordAudit(tx, {
      action: 'checklist_template.update',
      targetType: 'checklist_template',
      targetId: id,
      details: { fields: Object.keys(changes) },
    });
    return toChecklistTemplate(rows[0]!);
  });
}
