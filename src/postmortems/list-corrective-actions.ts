import { Type, type Static } from 'typebox';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import type { CorrectiveAction } from './postmortem-model.js';
import { selectActions, toCorrectiveAction, type ActionRow } from './postmortem-store.js';

export const ListCorrectiveActionsQuery = Type.Object(
  {
    open: Type.Optional(Type.Boolean({ description: 'only those still to do (open or in progress)' })),
    overdue: Type.Optional(Type.Boolean({ description: 'only those still to do and past their due date' })),
    owner: Type.Optional(Type.String({ format: 'uuid', description: 'only those of this user' })),
    incidentId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ListCorrectiveActionsQuery = Static<typeof ListCorrectiveActionsQuery>;

const filters = `
   WHERE ($1::boolean IS NOT TRUE OR a.status IN ('open', 'in-progress'))
     AND ($2::uuid IS NULL OR a.owner_id = $2::uuid)
     AND ($3::text IS NULL OR p.incident_id = $3)
   ORDER BY a.due_date ASC NULLS LAST, a.created_at, a.id`;

/**
 * Corrective actions across post-mortems (viewer), soonest due first, filtered: still to do, late
 * (due before today in each post-mortem's time zone, which SQL alone does not know), one owner's.
 */
export async function listCorrectiveActions({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ListCorrectiveActionsQuery;
}): Promise<CorrectiveAction[]> {
  requireRole(ctx, 'viewer');
  const now = ctx.now();
  const pending = input.open === true || input.overdue === true;
  const { rows } = await ctx.db.query<ActionRow>(`${selectActions} ${filters}`, [
    pending,
    input.owner ?? null,
    input.incidentId ?? null,
  ]);
  const actions = rows.map((row) => toCorrectiveAction(row, now));
  return input.overdue === true ? actions.filter((action) => action.overdue) : actions;
}
