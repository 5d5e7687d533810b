import type { TimelineEvent } from '../../src/incidents/incident-model.js';
import type { TimelineEventType } from '../../src/incidents/timeline-events.js';
import type { Postmortem } from '../../src/postmortems/postmortem-model.js';
import { initialSections } from '../../src/postmortems/postmortem-sections.js';

/**
 * A timeline event at `at`, by a user unless said otherwise. The payload holds only the fields the
 * test is about (what the reader under test reads), so the whole is taken as typed.
 */
export function event(
  seq: number,
  type: TimelineEventType,
  at: string,
  payload: Record<string, unknown> = {},
  actor = 'Camille',
): TimelineEvent {
  const stored = {
    seq,
    type,
    occurredAt: new Date(at).toISOString(),
    actor: { type: 'user', id: null, name: actor },
    payload,
  };
  return stored as TimelineEvent;
}

/** A post-mortem as the API shows it, around the facts and actions given. */
export function postmortemOf(overrides: Partial<Postmortem> & Pick<Postmortem, 'facts'>): Postmortem {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    incidentId: overrides.facts.incident.id,
    status: 'draft',
    title: `Post-mortem: ${overrides.facts.incident.title}`,
    timeZone: 'UTC',
    templateDraftId: null,
    sections: initialSections(null, { summary: 'Checkout refused cards.', impact: '' }),
    actions: [],
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'Camille',
    publishedAt: null,
    allowedNextStates: ['in-review'],
    ...overrides,
  };
}
