import { Type, type Static } from 'typebox';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import type { Severity } from '../incidents/incident-model.js';
import {
  PostmortemStatusSchema,
  type ActionStatus,
  type PostmortemStatus,
  type PostmortemSummary,
} from './postmortem-model.js';
import { isOverdue } from './postmortem-store.js';

export const ListPostmortemsQuery = Type.Object(
  { status: Type.Optional(PostmortemStatusSchema) },
  { additionalProperties: false },
);
export type ListPostmortemsQuery = Static<typeof ListPostmortemsQuery>;

const selectPostmortems = `
  SELECT p.id, p.incident_id, p.title, p.status, p.time_zone, p.updated_at, p.published_at, i.severity,
         COALESCE((SELECT jsonb_agg(jsonb_build_object('status', a.status, 'dueDate', to_char(a.due_date, 'YYYY-MM-DD')))
                     FROM postmortem_actions a WHERE a.postmortem_id = p.id), '[]'::jsonb) AS actions
    FROM postmortems p JOIN incidents i ON i.id = p.incident_id
   WHERE ($1::text IS NULL OR p.status = $1)
   ORDER BY p.updated_at DESC, p.id`;

interface SummaryRow {
  [column: string]: unknown;
  id: string;
  incident_id: string;
  title: string;
  status: PostmortemStatus;
  time_zone: string;
  updated_at: Date;
  published_at: Date | null;
  severity: Severity;
  actions: { status: ActionStatus; dueDate: string | null }[];
}

/**
 * Every post-mortem, last changed first, with how many corrective actions it has, how many are
 * still to do and how many of those are late: the list people review them from.
 */
export async function listPostmortems({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ListPostmortemsQuery;
}): Promise<PostmortemSummary[]> {
  requireRole(ctx, 'viewer');
  const now = ctx.now();
  const { rows } = await ctx.db.query<SummaryRow>(selectPostmortems, [input.status ?? null]);
  return rows.map((row) => ({
    id: row.id,
    incidentId: row.incident_id,
    title: row.title,
    status: row.status,
    severity: row.severity,
    updatedAt: row.updated_at.toISOString(),
    publishedAt: row.published_at?.toISOString() ?? null,
    actions: {
      total: row.actions.length,
      open: row.actions.filter((action) => action.status === 'open' || action.status === 'in-progress').length,
      overdue: row.actions.filter((action) => isOverdue(action, now, row.time_zone)).length,
    },
  }));
}
