import { recordAudit } from '../../audit/record-audit.js';
import { AppError, notFound } from '../../core/app-error.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { acknowledgeIncident } from '../../incidents/acknowledge-incident.js';
import { loadIncident } from '../../incidents/load-incident.js';
import { channelColumns, type ChannelRow } from '../store/channel-record.js';
import { openChannelConfig } from '../store/open-channel-secret.js';
import { findReplyCode } from './reply-codes.js';
import { smsReplyAnswer, type SmsReplyFacts, type SmsReplyOutcome } from './sms-reply-words.js';
import { verifyTwilioSignature } from './twilio-signature.js';

/** A reply as Twilio posts it: the URL it called, its form fields in order, its signature header. */
export interface SmsReplyInput {
  channelId: string;
  url: string;
  params: ReadonlyArray<[string, string]>;
  signature: string | undefined;
}

/** What came of a reply, and the text to answer with. */
export interface SmsReply {
  outcome: SmsReplyOutcome;
  answer: string;
  incidentId?: string;
}

const selectChannel = `SELECT ${channelColumns} FROM notification_channels WHERE id = $1`;
// "ACK 1234", "ack1234", "Ack 1234." — what a thumb types.
const ackPattern = /^\s*ack\s*([0-9]{4})\s*[.!]?\s*$/i;

/**
 * Acknowledges, from a reply to an SMS page (`ACK 1234`), the incident the code names, as the
 * person the code was given to. The request must carry Twilio's signature made with the SMS
 * channel's auth token (else 403), and come from that person's phone: a code only counts among
 * the codes of the phone that sent it, so a number nobody paged acknowledges nothing. Every reply
 * that passed the signature is answered in words (Twilio sends the answer back as an SMS) and
 * audited: the acknowledgement by the incident's own audit row, anything else as
 * `notification_reply.refused`.
 */
export async function acknowledgeBySmsReply({
  ctx,
  input,
  secretKey,
}: {
  ctx: Ctx;
  input: SmsReplyInput;
  secretKey: Buffer | null;
}): Promise<SmsReply> {
  if (secretKey === null) throw new AppError('unavailable', 'SMS replies need ASTREINTE_SECRET_KEY');
  const channel = (await ctx.db.query<ChannelRow>(selectChannel, [input.channelId])).rows[0];
  const config = channel === undefined ? undefined : openChannelConfig(channel.id, channel.config, secretKey);
  if (channel === undefined || config?.kind !== 'sms') throw notFound('SMS channel', input.channelId);
  if (!verifyTwilioSignature(config.authToken, input.url, input.params, input.signature))
    throw new AppError('forbidden', "X-Twilio-Signature does not match this SMS channel's auth token", {});
  const field = (name: string) => input.params.find(([key]) => key === name)?.[1] ?? '';
  const from = field('From');
  const code = ackPattern.exec(field('Body'))?.[1];
  const found = await findReplyCode(ctx.db, { phone: from, code: code ?? '', now: ctx.now() });
  const refuse = async (outcome: SmsReplyOutcome, facts: SmsReplyFacts, locale: 'en' | 'fr' | null) => {
    await inTransaction(ctx, (tx) =>
      recordAudit(tx, {
        action: 'notification_reply.refused',
        targetType: 'notification_channel',
        targetId: channel.id,
        details: { outcome, from, ...(facts.incidentId === undefined ? {} : { incidentId: facts.incidentId }) },
      }),
    );
    return { outcome, answer: smsReplyAnswer(outcome, facts, locale), ...incidentOf(facts) };
  };
  if (!found.found) {
    if (!found.knownPhone) return refuse('unknown_phone', {}, null);
    return code === undefined
      ? refuse('not_understood', {}, found.locale)
      : refuse('unknown_code', { code }, found.locale);
  }
  const { person } = found;
  if (found.expired) return refuse('expired', { code: code!, incidentId: found.incidentId }, person.locale);
  const incident = await loadIncident(ctx.db, found.incidentId, ctx.now());
  if (incident.status !== 'triggered')
    return refuse('unchanged', { incidentId: incident.id, status: incident.status }, person.locale);
  try {
    const acknowledged = await acknowledgeIncident({
      ctx: { ...ctx, actor: { type: 'user', id: person.userId, name: person.name, role: 'responder' } },
      input: { id: incident.id, note: 'acknowledged by replying to an SMS page' },
    });
    const facts = { incidentId: acknowledged.id, title: acknowledged.title };
    return {
      outcome: 'acknowledged',
      answer: smsReplyAnswer('acknowledged', facts, person.locale),
      ...incidentOf(facts),
    };
  } catch (error) {
    // Someone acknowledged between the read and the lock: the 409 of the lifecycle, said in words.
    if (!(error instanceof AppError) || error.code !== 'conflict') throw error;
    const now = await loadIncident(ctx.db, incident.id, ctx.now());
    return refuse('unchanged', { incidentId: now.id, status: now.status }, person.locale);
  }
}

const incidentOf = (facts: SmsReplyFacts) => (facts.incidentId === undefined ? {} : { incidentId: facts.incidentId });
