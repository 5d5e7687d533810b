import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, conflict } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { appendIncidentEvent } from '../incidents/append-incident-event.js';
import { lockIncidentRow } from '../incidents/load-incident.js';
import { PostmortemStatusSchema, type Postmortem } from './postmortem-model.js';
import { loadPostmortem, lockPostmortemRow, postmortemTransitions } from './postmortem-store.js';

export const ChangePostmortemStatusInput = Type.Object(
  {
    status: PostmortemStatusSchema,
    version: Type.Optional(
      Type.Integer({ minimum: 1, description: 'when given, a 409 if the post-mortem changed since' }),
    ),
  },
  { additionalProperties: false },
);
export type ChangePostmortemStatusInput = Static<typeof ChangePostmortemStatusInput>;

const setStatus = `
  UPDATE postmortems SET status = $2, published_at = CASE WHEN $2 = 'published' THEN $3 ELSE published_at END,
         updated_at = $3, version = version + 1
   WHERE id = $1`;

/**
 * Moves a post-mortem through its review (responder): draft → in-review → published, back to
 * draft from review, and back to review from published to correct it. Anything else is a 409 with
 * the allowed next states. Review and publication are in the incident's timeline.
 */
export async function changePostmortemStatus({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & ChangePostmortemStatusInput;
}): Promise<Postmortem> {
  requireRole(ctx, 'responder');
  return inTransaction(ctx, async (tx) => {
    // Incident first, as drafting does: the two never wait on each other in opposite orders.
    await lockIncidentRow(tx, input.id);
    const row = await lockPostmortemRow(tx.db, input.id);
    if (input.version !== undefined && row.version !== input.version) {
      throw conflict(`the post-mortem changed since version ${input.version} (now version ${row.version})`, {
        version: row.version,
      });
    }
    const allowed = postmortemTransitions[row.status];
    if (!allowed.includes(input.status)) {
      throw new AppError('invalid_transition', `a post-mortem that is ${row.status} cannot become ${input.status}`, {
        status: row.status,
        requested: input.status,
        allowedNextStates: [...allowed],
      });
    }
    await tx.db.query(setStatus, [row.id, input.status, tx.now()]);
    const type = input.status === 'published' ? 'postmortem_published' : 'postmortem_status_changed';
    await appendIncidentEvent(tx, input.id, { type: type, payload: { from: row.status, to: input.status } });
    await recordAudit(tx, {
      action: 'postmortem.status',
      targetType: 'incident',
      targetId: input.id,
      details: { from: row.status, to: input.status },
    });
    return loadPostmortem(tx.db, input.id, tx.now());
  });
}
