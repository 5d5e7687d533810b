import { Type, type Static } from 'typebox';
import { slugIdSchema } from '../core/slug-id.js';

/** Template ids are slugs, like service ids: they are typed by hand when attaching one. */
export const ChecklistTemplateIdSchema = slugIdSchema('sev1-first-hour');

export const ChecklistItemInputSchema = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);

/** The items of a template or of an ad-hoc checklist, in order. */
export const ChecklistItemsInputSchema = Type.Array(ChecklistItemInputSchema, { minItems: 1, maxItems: 200 });

export const ChecklistTemplateSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: Type.String(),
    items: Type.Array(Type.Object({ text: Type.String() })),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'ChecklistTemplate' },
);
/** A reusable checklist; attaching it to an incident copies its items, so later edits never rewrite history. */
export type ChecklistTemplate = Static<typeof ChecklistTemplateSchema>;

export interface ChecklistTemplateRow {
  [column: string]: unknown;
  id: string;
  name: string;
  description: string;
  items: { text: string }[];
  created_at: Date;
  updated_at: Date;
}

export function toChecklistTemplate(row: ChecklistTemplateRow): ChecklistTemplate {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    items: row.items.map((item) => ({ text: item.text })),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export const selectTemplateColumns = `SELECT id, name, description, items, created_at, updated_at FROM checklist_templates`;
