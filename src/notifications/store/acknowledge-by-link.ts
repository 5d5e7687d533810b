import { AppError } from '../../core/app-error.js';
import type { Ctx } from '../../core/context.js';
import { acknowledgeIncident } from '../../incidents/acknowledge-incident.js';
import type { Incident } from '../../incidents/incident-model.js';
import { deriveAckKey, verifyAckToken } from '../ack-link.js';

/**
 * Acknowledges an incident from the signed link of a page: the token names the incident and the
 * person paged, and acts as them (responder). An incident already acknowledged answers 409 with
 * the allowed next states, as from the API.
 */
export async function acknowledgeByLink({
  ctx,
  input,
  secretKey,
}: {
  ctx: Ctx;
  input: { token: string };
  secretKey: Buffer | null;
}): Promise<Incident> {
  if (secretKey === null) throw new AppError('unavailable', 'acknowledge links need ASTREINTE_SECRET_KEY');
  const check = verifyAckToken(input.token, deriveAckKey(secretKey), ctx.now());
  if (!check.valid)
    throw new AppError(
      'unauthenticated',
      `this acknowledge link is ${check.reason === 'expired' ? 'expired' : 'not valid'}`,
    );
  const { rows } = await ctx.db.query<{ name: string }>(
    'SELECT name FROM users WHERE id::text = $1 AND deactivated_at IS NULL',
    [check.payload.userId],
  );
  if (rows[0] === undefined)
    throw new AppError('unauthenticated', 'the person this link was sent to is no longer active');
  const actorCtx: Ctx = {
    ...ctx,
    actor: { type: 'user', id: check.payload.userId, name: rows[0].name, role: 'responder' },
  };
  return acknowledgeIncident({
    ctx: actorCtx,
    input: { id: check.payload.incidentId, note: 'acknowledged from the link of a page' },
  });
}
