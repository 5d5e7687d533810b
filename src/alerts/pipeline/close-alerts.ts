import type { Ctx } from '../../core/context.js';
import { acknowledgeIncident } from '../../incidents/acknowledge-incident.js';
import { appendIncidentEvents } from '../../incidents/append-incident-event.js';
import { resolveIncident } from '../../incidents/resolve-incident.js';
import type { IngestIntegration } from '../integrations/integration-keys.js';
import { incidentsWithoutFiringAlerts } from './alert-statements.js';
import { integrationActor } from './integration-actor.js';

/** An alert a flush resolved or acknowledged, as the update returned it. */
export interface ClosedAlert {
  id: string;
  fingerprint: string;
  incident_id: string | null;
  title: string;
  integration: IngestIntegration;
}

/**
 * Writes resolved alerts into their incidents' timelines, then resolves the incidents left with no
 * firing alert when their integration auto-resolves (the timeline says it was automatic).
 */
export async function recordResolvedAlerts(ctx: Ctx, alerts: readonly ClosedAlert[]): Promise<void> {
  const byIncident = groupByIncident(alerts);
  for (const [incidentId, closed] of byIncident) {
    const actorCtx = { ...ctx, actor: integrationActor(closed[0]!.integration) };
    await appendIncidentEvents(
      actorCtx,
      incidentId,
      closed.map((alert) => ({
        type: 'alert_resolved',
        payload: { alertId: alert.id, fingerprint: alert.fingerprint, title: alert.title },
      })),
    );
  }
  const candidates = [...byIncident]
    .filter(([, closed]) => closed[0]!.integration.settings.autoResolve)
    .map(([incidentId]) => incidentId)
    .sort();
  if (candidates.length === 0) return;
  const { rows } = await ctx.db.query<{ id: string }>(incidentsWithoutFiringAlerts, [candidates]);
  for (const { id } of rows) {
    const integration = byIncident.get(id)![0]!.integration;
    await resolveIncident({
      ctx: { ...ctx, actor: integrationActor(integration) },
      input: { id, note: `all its alerts resolved (${integration.name} resolves incidents automatically)` },
    });
  }
}

/** Writes acknowledged alerts into their incidents' timelines and acknowledges incidents still triggered. */
export async function recordAcknowledgedAlerts(ctx: Ctx, alerts: readonly ClosedAlert[]): Promise<void> {
  for (const [incidentId, acked] of groupByIncident(alerts)) {
    const actorCtx = { ...ctx, actor: integrationActor(acked[0]!.integration) };
    await appendIncidentEvents(
      actorCtx,
      incidentId,
      acked.map((alert) => ({
        type: 'alert_acknowledged',
        payload: { alertId: alert.id, fingerprint: alert.fingerprint, title: alert.title },
      })),
    );
    const { rows } = await ctx.db.query<{ status: string }>('SELECT status FROM incidents WHERE id = $1', [incidentId]);
    if (rows[0]?.status === 'triggered')
      await acknowledgeIncident({
        ctx: actorCtx,
        input: { id: incidentId, note: `acknowledged by ${acked[0]!.integration.name}` },
      });
  }
}

function groupByIncident(alerts: readonly ClosedAlert[]): Map<string, ClosedAlert[]> {
  const byIncident = new Map<string, ClosedAlert[]>();
  for (const alert of alerts) {
    if (alert.incident_id !== null)
      byIncident.set(alert.incident_id, [...(byIncident.get(alert.incident_id) ?? []), alert]);
  }
  return byIncident;
}
