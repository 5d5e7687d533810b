import type { Ctx } from '../../core/context.js';
import { appendIncidentEvents } from '../../incidents/append-incident-event.js';
import type { NewTimelineEvent } from '../../incidents/timeline-events.js';
import { matchRunbooks, type RunbookMatch } from '../matching/match-runbooks.js';
import type { AttachedIncident } from './record-fired-alerts.js';
import { integrationActor } from './integration-actor.js';
import type { RunbookCatalogue } from './runbook-catalogue.js';

export type { RunbookCatalogue } from './runbook-catalogue.js';

const insertSuggestions = `
  INSERT INTO incident_runbooks (incident_id, runbook_id, score, matched, explicit, alert_id, suggested_at)
  SELECT $1, s.runbook_id, s.score, s.matched, s.explicit, s.alert_id, $2
    FROM jsonb_to_recordset($3::jsonb) AS s(runbook_id text, score real, matched jsonb, explicit boolean, alert_id uuid)
  ON CONFLICT (incident_id, runbook_id) DO NOTHING
  RETURNING runbook_id`;

/** How many runbooks an incident is given at most. */
const maxSuggestions = 3;

/**
 * Puts the runbooks that treat the alerts' symptoms in front of the responder: each alert that
 * joined an incident is matched against the runbooks (alerts with the same text once), the best
 * few are attached to the incident with their score and the words that matched, and the
 * timeline says so. A runbook already attached stays as it was.
 */
export async function suggestRunbooks(
  ctx: Ctx,
  incidents: readonly AttachedIncident[],
  catalogue: RunbookCatalogue,
): Promise<void> {
  if (incidents.length === 0) return;
  const candidates = await catalogue.candidates(ctx.db);
  if (candidates.length === 0) return;
  for (const incident of incidents) {
    const best = new Map<string, RunbookMatch & { alertId: string }>();
    const seen = new Set<string>();
    for (const { id, planned } of incident.alerts) {
      const { alert } = planned;
      const text = JSON.stringify([alert.title, alert.labels, alert.annotations]);
      if (seen.has(text)) continue;
      seen.add(text);
      for (const match of matchRunbooks(
        { title: alert.title, labels: alert.labels, annotations: alert.annotations },
        candidates,
      )) {
        const current = best.get(match.runbookId);
        if (current === undefined || match.score > current.score) best.set(match.runbookId, { ...match, alertId: id });
      }
    }
    const chosen = [...best.values()]
      .sort((a, b) => Number(b.explicit) - Number(a.explicit) || b.score - a.score)
      .slice(0, maxSuggestions);
    if (chosen.length === 0) continue;
    const { rows } = await ctx.db.query<{ runbook_id: string }>(insertSuggestions, [
      incident.incidentId,
      ctx.now(),
      JSON.stringify(
        chosen.map((match) => ({
          runbook_id: match.runbookId,
          score: match.score,
          matched: match.matched,
          explicit: match.explicit,
          alert_id: match.alertId,
        })),
      ),
    ]);
    const added = new Set(rows.map((row) => row.runbook_id));
    const events = chosen
      .filter((match) => added.has(match.runbookId))
      .map((match): NewTimelineEvent => ({
        type: 'runbook_suggested',
        payload: {
          runbookId: match.runbookId,
          score: match.score,
          matched: match.matched,
          explicit: match.explicit,
          alertId: match.alertId,
        },
      }));
    await appendIncidentEvents(
      { ...ctx, actor: integrationActor(incident.alerts[0]!.planned.integration) },
      incident.incidentId,
      events,
    );
  }
}
