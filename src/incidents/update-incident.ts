import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { validationError } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { assertServicesExist } from '../services/assert-services-exist.js';
import type { IncidentChanges } from './timeline-incident-payloads.js';
import { appendIncidentEvent } from './append-incident-event.js';
import { LabelsSchema, SeveritySchema, type Incident } from './incident-model.js';
import { deleteIncidentService, insertIncidentService, updateIncidentFields } from './incident-statements.js';
import { loadIncident, lockIncidentRow } from './load-incident.js';

export const UpdateIncidentInput = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    summary: Type.Optional(Type.String({ maxLength: 20_000 })),
    impact: Type.Optional(Type.String({ maxLength: 20_000 })),
    severity: Type.Optional(SeveritySchema),
    labels: Type.Optional(LabelsSchema),
    services: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { maxItems: 100, uniqueItems: true })),
    reason: Type.Optional(Type.String({ maxLength: 5000, description: 'why, shown in the timeline' })),
  },
  { additionalProperties: false },
);
export type UpdateIncidentInput = Static<typeof UpdateIncidentInput>;

type TextField = 'title' | 'summary' | 'impact';

/**
 * Changes an incident's descriptive fields. Each kind of change is its own timeline event
 * (severity and services matter to paging and reports; text edits are grouped), and a field sent
 * with its current value changes nothing and writes nothing.
 */
export async function updateIncident({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & UpdateIncidentInput;
}): Promise<Incident> {
  requireRole(ctx, 'responder');
  const { id, reason, ...changes } = input;
  if (Object.keys(changes).length === 0)
    throw validationError('nothing to change', [{ path: '/', message: 'send at least one field' }]);
  return inTransaction(ctx, async (tx) => {
    const row = await lockIncidentRow(tx, id);
    const why: Record<string, string> = reason === undefined ? {} : { reason };
    const textChanges: IncidentChanges = {};
    for (const field of ['title', 'summary', 'impact'] as const satisfies readonly TextField[]) {
      const to = changes[field];
      if (to !== undefined && to !== row[field]) textChanges[field] = { from: row[field], to };
    }
    if (
      changes.labels !== undefined &&
      JSON.stringify(sortKeys(changes.labels)) !== JSON.stringify(sortKeys(row.labels))
    ) {
      textChanges.labels = { from: row.labels, to: changes.labels };
    }
    const severity = changes.severity ?? row.severity;
    const changed = Object.keys(textChanges).length > 0 || severity !== row.severity;
    if (changed) {
      await tx.db.query(updateIncidentFields, [
        id,
        changes.title ?? row.title,
        changes.summary ?? row.summary,
        changes.impact ?? row.impact,
        severity,
        JSON.stringify(changes.labels ?? row.labels),
      ]);
    }
    if (Object.keys(textChanges).length > 0)
      await appendIncidentEvent(tx, id, { type: 'incident_updated', payload: { changes: textChanges, ...why } });
    if (severity !== row.severity)
      await appendIncidentEvent(tx, id, {
        type: 'severity_changed',
        payload: { from: row.severity, to: severity, ...why },
      });
    const servicesChanged = changes.services !== undefined && (await changeServices(tx, id, changes.services, why));
    if (changed || servicesChanged) {
      await recordAudit(tx, {
        action: 'incident.update',
        targetType: 'incident',
        targetId: id,
        details: { fields: Object.keys(changes) },
      });
    }
    return loadIncident(tx.db, id, tx.now());
  });
}

/** Applies the new service list; true when it differed from the current one. */
async function changeServices(ctx: Ctx, id: string, services: string[], why: Record<string, string>): Promise<boolean> {
  await assertServicesExist(ctx.db, services, '/services');
  const { rows } = await ctx.db.query<{ service_id: string }>(
    'SELECT service_id FROM incident_services WHERE incident_id = $1',
    [id],
  );
  const current = new Set(rows.map((r) => r.service_id));
  const wanted = new Set(services);
  const added = services.filter((s) => !current.has(s)).sort();
  const removed = [...current].filter((s) => !wanted.has(s)).sort();
  if (added.length === 0 && removed.length === 0) return false;
  for (const service of added) await ctx.db.query(insertIncidentService, [id, service]);
  for (const service of removed) await ctx.db.query(deleteIncidentService, [id, service]);
  await appendIncidentEvent(ctx, id, {
    type: 'services_changed',
    payload: { added, removed, services: [...wanted].sort(), ...why },
  });
  return true;
}

function sortKeys(record: Record<string, string>): [string, string][] {
  return Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
}
