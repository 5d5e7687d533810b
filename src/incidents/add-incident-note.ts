import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { appendIncidentEvent } from './append-incident-event.js';
import type { TimelineEvent } from './incident-model.js';
import { lockIncidentRow } from './load-incident.js';
import { loadTimelineEvent } from './list-timeline.js';

export const AddNoteInput = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 20_000 }) },
  { additionalProperties: false },
);
export type AddNoteInput = Static<typeof AddNoteInput>;

/** Adds a free-text note to an incident's timeline (what someone saw, tried or decided). */
export async function addIncidentNote({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & AddNoteInput;
}): Promise<TimelineEvent> {
  requireRole(ctx, 'responder');
  return inTransaction(ctx, async (tx) => {
    await lockIncidentRow(tx, input.id);
    const seq = await appendIncidentEvent(tx, input.id, { type: 'note_added', payload: { text: input.text } });
    await recordAudit(tx, {
      action: 'incident.add_note',
      targetType: 'incident',
      targetId: input.id,
      details: { seq },
    });
    return loadTimelineEvent(tx.db, input.id, seq);
  });
}
