import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { appendIncidentEvent } from './append-incident-event.js';
import type { TimelineEvent } from './incident-model.js';
import { lockIncidentRow } from './load-incident.js';
import { loadTimelineEvent } from './list-timeline.js';

/** The phases a status update announces, as status pages word them. */
export const statusUpdatePhases = ['investigating', 'identified', 'monitoring', 'resolved'] as const;

export const PostStatusUpdateInput = Type.Object(
  {
    message: Type.String({ minLength: 1, maxLength: 10_000 }),
    phase: Type.Optional(Type.Enum(statusUpdatePhases)),
    public: Type.Optional(Type.Boolean({ description: 'shown on the public status page', default: false })),
  },
  { additionalProperties: false },
);
export type PostStatusUpdateInput = Static<typeof PostStatusUpdateInput>;

/**
 * Posts a status update: the message stakeholders read. Its time restarts the severity's
 * status-update cadence; `public` ones also reach the status page.
 */
export async function postStatusUpdate({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & PostStatusUpdateInput;
}): Promise<TimelineEvent> {
  requireRole(ctx, 'responder');
  return inTransaction(ctx, async (tx) => {
    await lockIncidentRow(tx, input.id);
    const seq = await appendIncidentEvent(tx, input.id, {
      type: 'status_update_posted',
      payload: {
        message: input.message,
        phase: input.phase ?? 'investigating',
        public: input.public ?? false,
      },
    });
    await recordAudit(tx, {
      action: 'incident.post_status_update',
      targetType: 'incident',
      targetId: input.id,
      details: { seq },
    });
    return loadTimelineEvent(tx.db, input.id, seq);
  });
}
