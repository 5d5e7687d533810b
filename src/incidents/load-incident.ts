import { notFound } from '../core/app-error.js';
import type { Ctx } from '../core/context.js';
import { loadSeverityPolicies } from '../severity/severity-policy.js';
import type { Queryable } from '../storage/database.js';
import type { Incident } from './incident-model.js';
import { toIncident, type IncidentRow } from './incident-row.js';
import { lockIncident, selectIncidents } from './incident-statements.js';

/** Reads one incident as the API shows it, or throws not_found. */
export async function loadIncident(db: Queryable, id: string, now: Date): Promise<Incident> {
  const { rows } = await db.query<IncidentRow>(selectIncidents, [null, null, null, id, 1, 0]);
  const row = rows[0];
  if (row === undefined) throw notFound('incident', id);
  return toIncident(row, await loadSeverityPolicies(db), now);
}

/** Locks an incident's row for the rest of the transaction and returns it, or throws not_found. */
export async function lockIncidentRow(ctx: Ctx, id: string): Promise<IncidentRow> {
  const { rows } = await ctx.db.query<IncidentRow>(lockIncident, [id]);
  const row = rows[0];
  if (row === undefined) throw notFound('incident', id);
  return row;
}
