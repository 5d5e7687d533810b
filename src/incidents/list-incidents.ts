import { Type, type Static } from 'typebox';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { loadSeverityPolicies } from '../severity/severity-policy.js';
import { IncidentStatusSchema, SeveritySchema, type Incident } from './incident-model.js';
import { toIncident, type IncidentRow } from './incident-row.js';
import { countIncidents, selectIncidents } from './incident-statements.js';

export const ListIncidentsQuery = Type.Object(
  {
    status: Type.Optional(Type.Array(IncidentStatusSchema, { description: 'any of these statuses' })),
    severity: Type.Optional(Type.Array(SeveritySchema)),
    service: Type.Optional(Type.String()),
    open: Type.Optional(Type.Boolean({ description: 'only incidents not resolved' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);
export type ListIncidentsQuery = Static<typeof ListIncidentsQuery>;

/** Incidents, newest first, filtered by status, severity and service. */
export async function listIncidents({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ListIncidentsQuery;
}): Promise<{ items: Incident[]; total: number }> {
  requireRole(ctx, 'viewer');
  const statuses =
    input.open === true
      ? (input.status ?? ['triggered', 'acknowledged', 'mitigated']).filter((s) => s !== 'resolved')
      : input.status;
  const filters = [statuses ?? null, input.severity ?? null, input.service ?? null];
  const [{ rows }, count, policies] = await Promise.all([
    ctx.db.query<IncidentRow>(selectIncidents, [...filters, null, input.limit ?? 50, input.offset ?? 0]),
    ctx.db.query<{ total: number }>(countIncidents, filters),
    loadSeverityPolicies(ctx.db),
  ]);
  const now = ctx.now();
  return { items: rows.map((row) => toIncident(row, policies, now)), total: count.rows[0]?.total ?? 0 };
}
