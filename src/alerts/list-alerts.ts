import { Type, type Static } from 'typebox';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { alertColumns, toAlertView, type AlertRow, type AlertView } from './alert-view.js';

export const ListAlertsInput = Type.Object(
  {
    status: Type.Optional(Type.Enum(['firing', 'resolved'])),
    incidentId: Type.Optional(Type.String({ minLength: 1 })),
    integration: Type.Optional(Type.String({ minLength: 1, description: 'integration name' })),
    suppressed: Type.Optional(Type.Boolean({ description: 'only muted alerts (true) or only paging ones (false)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
export type ListAlertsInput = Static<typeof ListAlertsInput>;

const selectAlerts = `
  SELECT ${alertColumns}
    FROM alerts a JOIN integrations i ON i.id = a.integration_id
   WHERE ($1::text IS NULL OR a.status = $1) AND ($2::text IS NULL OR a.incident_id = $2) AND ($3::text IS NULL OR i.name = $3)
     AND ($4::boolean IS NULL OR (a.suppressed IS NOT NULL) = $4)
   ORDER BY a.last_seen_at DESC, a.id
   LIMIT $5`;

/** Alerts, most recently seen first, muted ones included unless asked otherwise (viewer). */
export async function listAlerts({ ctx, input }: { ctx: Ctx; input: ListAlertsInput }): Promise<AlertView[]> {
  requireRole(ctx, 'viewer');
  const { rows } = await ctx.db.query<AlertRow>(selectAlerts, [
    input.status ?? null,
    input.incidentId ?? null,
    input.integration ?? null,
    input.suppressed ?? null,
    input.limit ?? 100,
  ]);
  return rows.map(toAlertView);
}
