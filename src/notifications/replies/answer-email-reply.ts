import { recordAudit } from '../../audit/record-audit.js';
import { AppError } from '../../core/app-error.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { acknowledgeIncident } from '../../incidents/acknowledge-incident.js';
import type { IncidentStatus } from '../../incidents/incident-model.js';
import { resolveIncident } from '../../incidents/resolve-incident.js';
import {
  checkReplyRecipient,
  type ReplyRefusal,
  type ReplyRefusalReason,
  type ReplySettings,
} from './check-reply-recipient.js';

export const replyActions = ['acknowledge', 'resolve'] as const;
export type ReplyAction = (typeof replyActions)[number];

/** A reply e-mail as the listener read it. */
export interface EmailReplyInput {
  /** The envelope recipient: the page's Reply-To. */
  recipient: string;
  /** The envelope sender (MAIL FROM). */
  envelopeFrom: string;
  /** The addresses of the From header. */
  headerFrom: readonly string[];
  /** Auto-Submitted other than `no`, a Precedence of bulk, junk or list, or an auto-reply header. */
  automatic: boolean;
  /** The first line of the reply's text with something on it ('' when there is none). */
  firstLine: string;
}

export type EmailReplyOutcome =
  { accepted: true; incidentId: string; action: ReplyAction; applied: boolean; status: IncidentStatus } | ReplyRefusal;

// "Resolve" in English or French, as people type it on a phone (accents optional).
const resolveWords = new Set(['resolve', 'resolved', 'resoudre', 'resolu', 'resolue']);

/** What a reply asks: RESOLVE (or RÉSOUDRE) as its first word resolves; anything else, even nothing, acknowledges. */
export function replyActionOf(firstLine: string): ReplyAction {
  const word = (firstLine.trim().split(/[\s.,:;!]+/)[0] ?? '').normalize('NFD').replace(/\p{M}/gu, '');
  return resolveWords.has(word.toLowerCase()) ? 'resolve' : 'acknowledge';
}

/**
 * Acts on a reply to a page, as the person paged (responder), when the envelope sender and the From
 * header are both their address, the address is theirs and unexpired, the incident was not resolved
 * since, and no machine wrote it (an out-of-office answer must not acknowledge). An incident someone
 * else already moved on is not bounced: the person's wish is met; the audit says so. A refusal whose
 * address was genuine is audited; an unknown address is only logged by the listener (internet noise).
 */
export async function answerEmailReply({
  ctx,
  input,
  settings,
}: {
  ctx: Ctx;
  input: EmailReplyInput;
  settings: ReplySettings;
}): Promise<EmailReplyOutcome> {
  const target = await checkReplyRecipient({
    ctx,
    input: { address: input.recipient, sender: input.envelopeFrom },
    settings,
  });
  if (!target.accepted) return refuse(ctx, target, input);
  const fromMatches =
    input.headerFrom.length === 1 && input.headerFrom[0]!.toLowerCase() === target.user.email.toLowerCase();
  const reason: ReplyRefusalReason | undefined = !fromMatches
    ? 'sender_mismatch'
    : input.automatic
      ? 'automatic'
      : undefined;
  if (reason !== undefined) return refuse(ctx, { accepted: false, reason, incidentId: target.incidentId }, input);
  const action = replyActionOf(input.firstLine);
  const actorCtx: Ctx = {
    ...ctx,
    actor: { type: 'user', id: target.user.id, name: target.user.name, role: 'responder' },
  };
  const change = {
    id: target.incidentId,
    note: `${action === 'resolve' ? 'resolved' : 'acknowledged'} by e-mail reply`,
  };
  try {
    const incident =
      action === 'resolve'
        ? await resolveIncident({ ctx: actorCtx, input: change })
        : await acknowledgeIncident({ ctx: actorCtx, input: change });
    return { accepted: true, incidentId: target.incidentId, action, applied: true, status: incident.status };
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'invalid_transition')) throw error;
    const status = error.details['status'] as IncidentStatus;
    await inTransaction(actorCtx, (tx) =>
      recordAudit(tx, {
        action: 'incident.email_reply_not_applied',
        targetType: 'incident',
        targetId: target.incidentId,
        details: { action, status },
      }),
    );
    return { accepted: true, incidentId: target.incidentId, action, applied: false, status };
  }
}

async function refuse(ctx: Ctx, refusal: ReplyRefusal, input: EmailReplyInput): Promise<ReplyRefusal> {
  if (refusal.incidentId === null) return refusal;
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, {
      action: 'incident.email_reply_refused',
      targetType: 'incident',
      targetId: refusal.incidentId,
      details: { reason: refusal.reason, envelopeFrom: input.envelopeFrom, headerFrom: input.headerFrom },
    }),
  );
  return refusal;
}
