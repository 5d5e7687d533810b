import { attachChecklist } from '../checklists/attach-checklist.js';
import { createChecklistTemplate } from '../checklists/create-checklist-template.js';
import type { Ctx } from '../core/context.js';
import { acknowledgeIncident } from '../incidents/acknowledge-incident.js';
import { addIncidentNote } from '../incidents/add-incident-note.js';
import { declareIncident } from '../incidents/declare-incident.js';
import { postStatusUpdate } from '../incidents/post-status-update.js';
import { createService } from '../services/create-service.js';
import { addTeamMember } from '../teams/add-team-member.js';
import { createTeam } from '../teams/create-team.js';
import { createUser } from '../users/create-user.js';

/**
 * Demo data for a first look, loaded once into an empty database (`serve --demo`): a team of two
 * responders, two services with their RTO/RPO, a resolution checklist, and one open incident
 * with a commander, a note and a public status update. Later features add their own demo data.
 * Everything goes through the domain operations, so it is audited like any other write.
 */
export async function seedDemo(ctx: Ctx): Promise<void> {
  const team = await createTeam({
    ctx,
    input: { id: 'platform', name: 'Platform', description: 'Runs the checkout and search services' },
  });
  const camille = await createUser({
    ctx,
    input: {
      username: 'camille',
      name: 'Camille Martin',
      email: 'camille@example.org',
      role: 'responder',
      timeZone: 'Europe/Paris',
    },
  });
  const noah = await createUser({
    ctx,
    input: {
      username: 'noah',
      name: 'Noah Keller',
      email: 'noah@example.org',
      role: 'responder',
      timeZone: 'Europe/Zurich',
    },
  });
  for (const user of [camille, noah]) await addTeamMember({ ctx, input: { id: team.id, userId: user.id } });
  await createService({
    ctx,
    input: {
      id: 'checkout-api',
      name: 'Checkout API',
      description: 'Takes orders and card payments',
      ownerTeamId: team.id,
      rtoMinutes: 60,
      rpoMinutes: 15,
      tags: ['payments', 'tier-1'],
      public: true,
    },
  });
  await createService({
    ctx,
    input: {
      id: 'search',
      name: 'Search',
      description: 'Catalogue search and suggestions',
      ownerTeamId: team.id,
      rtoMinutes: 240,
      rpoMinutes: 1440,
      tags: ['tier-2'],
      public: true,
    },
  });
  await createChecklistTemplate({
    ctx,
    input: {
      id: 'resolution',
      name: 'Resolution checklist',
      items: [
        { text: 'Impact stopped and confirmed by monitoring' },
        { text: 'Customers informed on the status page' },
        { text: 'Root cause identified or a follow-up opened' },
        { text: 'Post-mortem scheduled' },
      ],
    },
  });
  const incident = await declareIncident({
    ctx,
    input: {
      title: 'Checkout API answers 502 for card payments',
      severity: 'P2',
      services: ['checkout-api'],
      commanderId: camille.id,
      summary: 'About one card payment in five fails with 502 since the last deployment.',
      impact: 'Some customers cannot pay by card; other payment methods work.',
      labels: { source: 'demo' },
    },
  });
  await acknowledgeIncident({
    ctx,
    input: { id: incident.id, note: 'Camille is looking at the payment gateway logs' },
  });
  await addIncidentNote({ ctx, input: { id: incident.id, text: 'Gateway timeouts started at the 14:02 deployment.' } });
  await postStatusUpdate({
    ctx,
    input: {
      id: incident.id,
      message: 'Some card payments fail. We are investigating.',
      phase: 'investigating',
      public: true,
    },
  });
  await attachChecklist({ ctx, input: { id: incident.id, templateId: 'resolution' } });
}
