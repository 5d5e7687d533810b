import { notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import type { EscalationLevel } from '../oncall/escalation/escalation-policy-model.js';
import { serviceHealth, type OpenIncidentFact, type ProbeFact } from './service-health.js';
import { loadOnCallDirectory, serviceOnCall } from './service-on-call.js';
import { toService, type ServiceRow } from './service-model.js';
import type { ServiceSummary } from './service-summary-model.js';

const selectServices = `
  SELECT sv.id, sv.name, sv.description, sv.owner_team_id, sv.rto_minutes, sv.rpo_minutes, sv.tags, sv.public, sv.created_at, sv.updated_at,
         sv.escalation_policy_id, p.levels AS policy_levels
    FROM services sv LEFT JOIN escalation_policies p ON p.id = sv.escalation_policy_id
   WHERE ($1::text IS NULL OR sv.id = $1::text)
   ORDER BY sv.name, sv.id`;

// P1 first, then the newest: the order a responder reads them in.
const selectOpenIncidents = `
  SELECT s.service_id, i.id, i.title, i.severity, i.status
    FROM incident_services s JOIN incidents i ON i.id = s.incident_id
   WHERE i.status <> 'resolved' AND ($1::text IS NULL OR s.service_id = $1::text)
   ORDER BY i.severity, i.detected_at DESC, i.id`;

const selectProbes = `
  SELECT service_id, id::text AS id, name, severity, status, enabled
    FROM probes WHERE service_id IS NOT NULL AND ($1::text IS NULL OR service_id = $1::text) ORDER BY name`;

type SummaryRow = ServiceRow & { escalation_policy_id: string | null; policy_levels: EscalationLevel[] | null };

function groupBy<T extends { service_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.service_id, [...(groups.get(row.service_id) ?? []), row]);
  return groups;
}

/**
 * Every service (or the one named by `id`) with its health and the reasons for it, its open
 * incidents count, its escalation policy and who is on call for it now (viewer). By name.
 */
export async function summarizeServices({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id?: string };
}): Promise<ServiceSummary[]> {
  requireRole(ctx, 'viewer');
  const id = input.id ?? null;
  const [services, incidents, probes, directory] = await Promise.all([
    ctx.db.query<SummaryRow>(selectServices, [id]),
    ctx.db.query<OpenIncidentFact & { service_id: string; [column: string]: unknown }>(selectOpenIncidents, [id]),
    ctx.db.query<ProbeFact & { service_id: string; [column: string]: unknown }>(selectProbes, [id]),
    loadOnCallDirectory(ctx.db),
  ]);
  const incidentsOf = groupBy(incidents.rows);
  const probesOf = groupBy(probes.rows);
  const at = ctx.now();
  return services.rows.map((row) => {
    const open = incidentsOf.get(row.id) ?? [];
    const { health, reasons } = serviceHealth(open, probesOf.get(row.id) ?? []);
    return {
      ...toService(row),
      ownerTeamName: row.owner_team_id === null ? null : (directory.teams.get(row.owner_team_id)?.name ?? null),
      escalationPolicyId: row.escalation_policy_id,
      health,
      reasons,
      openIncidents: open.length,
      onCall: serviceOnCall(directory, row.policy_levels?.[0]?.targets ?? null, row.owner_team_id, at),
    };
  });
}

/** One service's summary (viewer); 404 if there is no such service. */
export async function summarizeService({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<ServiceSummary> {
  const [summary] = await summarizeServices({ ctx, input });
  if (summary === undefined) throw notFound('service', input.id);
  return summary;
}
