import { Type, type Static } from 'typebox';
import { AppError } from '../../core/app-error.js';
import type { Ctx } from '../../core/context.js';
import { acknowledgeIncident } from '../../incidents/acknowledge-incident.js';
import type { Incident } from '../../incidents/incident-model.js';
import { resolveIncident } from '../../incidents/resolve-incident.js';
import { ackLinkActions, type AckLinkAction } from '../ack-link.js';
import { holderCtx, openAckLink, revocationOf } from './link-holder.js';

export const ActByLinkBody = Type.Object(
  {
    action: Type.Optional(
      Type.Enum(ackLinkActions, { description: 'what to do (acknowledge when absent); the link must allow it' }),
    ),
  },
  { additionalProperties: false },
);
export type ActByLinkBody = Static<typeof ActByLinkBody>;

/** Each action a link may carry: the lifecycle operation it runs and the note it leaves in the timeline. */
const linkActions = {
  acknowledge: { operation: acknowledgeIncident, note: 'acknowledged from the link of a page' },
  resolve: { operation: resolveIncident, note: 'resolved from the link of a page' },
} as const satisfies Record<AckLinkAction, unknown>;

/**
 * Acknowledges or resolves an incident from the signed link of a page: the token names the
 * incident, the person paged and what they may do, and acts as them (responder; the audit row and
 * the timeline name them). Refused: a bad or expired link (401), an action the link does not allow
 * (403), a link sent before the incident was resolved (409, even once reopened), and a move the
 * lifecycle forbids — already acknowledged, already resolved — (409 with the allowed next states).
 */
export async function actByLink({
  ctx,
  input,
  secretKey,
}: {
  ctx: Ctx;
  input: { token: string } & ActByLinkBody;
  secretKey: Buffer | null;
}): Promise<Incident> {
  const action = input.action ?? 'acknowledge';
  const { payload, holder } = await openAckLink(ctx, input.token, secretKey);
  if (!payload.actions.includes(action))
    throw new AppError('forbidden', `this link may not ${action} the incident`, {
      required: action,
      allowedActions: payload.actions,
    });
  const revocation = await revocationOf(ctx, payload.incidentId, payload.issuedAt);
  if (revocation !== null)
    throw new AppError('conflict', 'the incident was resolved after this link was sent: it no longer works', {
      revoked: true,
      resolvedAt: revocation.at.toISOString(),
    });
  const { operation, note } = linkActions[action];
  return operation({ ctx: holderCtx(ctx, holder), input: { id: payload.incidentId, note } });
}
