import { notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import {
  selectTemplateColumns,
  toChecklistTemplate,
  type ChecklistTemplate,
  type ChecklistTemplateRow,
} from './checklist-template-model.js';

/** One checklist template, or not_found. */
export async function getChecklistTemplate({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string };
}): Promise<ChecklistTemplate> {
  requireRole(ctx, 'viewer');
  const { rows } = await ctx.db.query<ChecklistTemplateRow>(`${selectTemplateColumns} WHERE id = $1`, [input.id]);
  const row = rows[0];
  if (row === undefined) throw notFound('checklist template', input.id);
  return toChecklistTemplate(row);
}
