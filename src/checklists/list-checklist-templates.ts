import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import {
  selectTemplateColumns,
  toChecklistTemplate,
  type ChecklistTemplate,
  type ChecklistTemplateRow,
} from './checklist-template-model.js';

/** Every checklist template, in id order (a short list: one per kind of incident or procedure). */
export async function listChecklistTemplates({
  ctx,
}: {
  ctx: Ctx;
  input?: Record<string, never>;
}): Promise<ChecklistTemplate[]> {
  requireRole(ctx, 'viewer');
  const { rows } = await ctx.db.query<ChecklistTemplateRow>(`${selectTemplateColumns} ORDER BY id`);
  return rows.map(toChecklistTemplate);
}
