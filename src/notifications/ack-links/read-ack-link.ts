import type { Ctx } from '../../core/context.js';
import type { Incident } from '../../incidents/incident-model.js';
import { allowedActions } from '../../incidents/lifecycle.js';
import { loadIncident } from '../../incidents/load-incident.js';
import type { AckLinkAction } from '../ack-link.js';
import { openAckLink, revocationOf, type LinkHolder, type LinkRevocation } from './link-holder.js';

/** What the page of a link shows: the incident, who did what, and the buttons its holder may press now. */
export interface AckLinkView {
  incident: Incident;
  /** The incident's first alert: its title (the alert's summary) and description, when it came from alerts. */
  firstAlert: { title: string; description: string | null } | null;
  /** Who acknowledged the incident in its current cycle, and when. */
  acknowledged: { at: Date; by: { id: string | null; name: string } } | null;
  /**
   * The resolution that ended this link (no button any more): one since it was sent — which
   * revokes it even once the incident is reopened — or the one that closed the incident.
   */
  resolved: LinkRevocation | null;
  holder: LinkHolder;
  /** The buttons: what the link allows and the incident's state permits; none once revoked. */
  actions: AckLinkAction[];
}

const selectFirstAlert = `
  SELECT title, COALESCE(annotations->>'description', annotations->>'message') AS description
  FROM alerts WHERE incident_id = $1 ORDER BY first_seen_at, id LIMIT 1`;

const selectAcknowledgement = `
  SELECT occurred_at, actor_id, actor_name FROM incident_events
  WHERE incident_id = $1 AND type = 'incident_acknowledged' ORDER BY seq DESC LIMIT 1`;

/**
 * Reads what the page of a signed link shows, changing nothing: mail scanners and link previews
 * open links, and only a POST acts. The same refusals as acting (`openAckLink`: 401 with a reason).
 */
export async function readAckLink({
  ctx,
  input,
  secretKey,
}: {
  ctx: Ctx;
  input: { token: string };
  secretKey: Buffer | null;
}): Promise<AckLinkView> {
  const { payload, holder } = await openAckLink(ctx, input.token, secretKey);
  const incident = await loadIncident(ctx.db, payload.incidentId, ctx.now());
  const [alerts, acknowledgements, resolved] = await Promise.all([
    ctx.db.query<{ title: string; description: string | null }>(selectFirstAlert, [incident.id]),
    ctx.db.query<{ occurred_at: Date; actor_id: string | null; actor_name: string }>(selectAcknowledgement, [
      incident.id,
    ]),
    revocationOf(ctx, incident.id, incident.status === 'resolved' ? new Date(0) : payload.issuedAt),
  ]);
  const acknowledgement = acknowledgements.rows[0];
  const allowedNow = allowedActions(incident.status);
  return {
    incident,
    firstAlert: alerts.rows[0] ?? null,
    acknowledged:
      incident.acknowledgedAt === null || acknowledgement === undefined
        ? null
        : { at: acknowledgement.occurred_at, by: { id: acknowledgement.actor_id, name: acknowledgement.actor_name } },
    resolved,
    holder,
    actions: resolved === null ? payload.actions.filter((action) => allowedNow.includes(action)) : [],
  };
}
