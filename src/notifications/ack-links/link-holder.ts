import { AppError } from '../../core/app-error.js';
import type { Ctx } from '../../core/context.js';
import { deriveAckKey, verifyAckToken, type AckTokenPayload } from '../ack-link.js';

/** The person a link was sent to, as its page shows them and acts for them. */
export interface LinkHolder {
  id: string;
  name: string;
  locale: 'en' | 'fr';
  timeZone: string;
}

/** A resolution of the incident: when, and by whom. */
export interface LinkRevocation {
  at: Date;
  by: { id: string | null; name: string };
}

const selectHolder = `
  SELECT id::text AS id, name, locale, time_zone FROM users WHERE id::text = $1 AND deactivated_at IS NULL`;

const selectRevocation = `
  SELECT occurred_at, actor_id, actor_name FROM incident_events
  WHERE incident_id = $1 AND type = 'incident_resolved' AND occurred_at >= $2
  ORDER BY seq DESC LIMIT 1`;

/**
 * Opens a page's link: checks its signature and expiry, and that the person it was sent to is still
 * active. Every refusal is `unauthenticated` (401) with `details.reason` (`malformed`,
 * `bad_signature`, `expired`, `inactive`): the token is the only credential of these pages.
 */
export async function openAckLink(
  ctx: Ctx,
  token: string,
  secretKey: Buffer | null,
): Promise<{ payload: AckTokenPayload; holder: LinkHolder }> {
  if (secretKey === null) throw new AppError('unavailable', 'acknowledge links need ASTREINTE_SECRET_KEY');
  const check = verifyAckToken(token, deriveAckKey(secretKey), ctx.now());
  if (!check.valid)
    throw new AppError('unauthenticated', `this link is ${check.reason === 'expired' ? 'expired' : 'not valid'}`, {
      reason: check.reason,
    });
  const { rows } = await ctx.db.query<{ id: string; name: string; locale: 'en' | 'fr'; time_zone: string }>(
    selectHolder,
    [check.payload.userId],
  );
  const row = rows[0];
  if (row === undefined)
    throw new AppError('unauthenticated', 'the person this link was sent to is no longer active', {
      reason: 'inactive',
    });
  return {
    payload: check.payload,
    holder: { id: row.id, name: row.name, locale: row.locale, timeZone: row.time_zone },
  };
}

/**
 * The incident's last resolution at or after `since` — with a link's issue time, whether it is
 * revoked: a resolution revokes the links sent before it, even once the incident is reopened (the
 * new cycle pages again, with new links).
 */
export async function revocationOf(ctx: Ctx, incidentId: string, since: Date): Promise<LinkRevocation | null> {
  const { rows } = await ctx.db.query<{ occurred_at: Date; actor_id: string | null; actor_name: string }>(
    selectRevocation,
    [incidentId, since],
  );
  const row = rows[0];
  return row === undefined ? null : { at: row.occurred_at, by: { id: row.actor_id, name: row.actor_name } };
}

/** The context of the link's holder: they act as a responder, as the person paged for the incident. */
export function holderCtx(ctx: Ctx, holder: LinkHolder): Ctx {
  return { ...ctx, actor: { type: 'user', id: holder.id, name: holder.name, role: 'responder' } };
}
