import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { conflict } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import {
  ChecklistItemsInputSchema,
  ChecklistTemplateIdSchema,
  selectTemplateColumns,
  toChecklistTemplate,
  type ChecklistTemplate,
  type ChecklistTemplateRow,
} from './checklist-template-model.js';

export const CreateChecklistTemplateInput = Type.Object(
  {
    id: ChecklistTemplateIdSchema,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    items: ChecklistItemsInputSchema,
  },
  { additionalProperties: false },
);
export type CreateChecklistTemplateInput = Static<typeof CreateChecklistTemplateInput>;

const insertTemplate = `
  INSERT INTO checklist_templates (id, name, description, items, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $5)`;

/** Adds a checklist template (admin); a duplicate id is a conflict. */
export async function createChecklistTemplate({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: CreateChecklistTemplateInput;
}): Promise<ChecklistTemplate> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const existing = await tx.db.query('SELECT 1 FROM checklist_templates WHERE id = $1', [input.id]);
    if (existing.rows.length > 0) throw conflict(`checklist template ${input.id} already exists`, { id: input.id });
    const items = input.items.map((item) => ({ text: item.text }));
    await tx.db.query(insertTemplate, [input.id, input.name, input.description ?? '', JSON.stringify(items), tx.now()]);
    await recordAudit(tx, {
      action: 'checklist_template.create',
      targetType: 'checklist_template',
      targetId: input.id,
      details: { name: input.name, items: items.length },
    });
    const { rows } = await tx.db.query<ChecklistTemplateRow>(`${selectTemplateColumns} WHERE id = $1`, [input.id]);
    return toChecklistTemplate(rows[0]!);
  });
}
