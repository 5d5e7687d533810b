import type { Ctx } from '../../core/context.js';
import { checkReplyAddress, deriveReplyKey, parseReplyAddress, replyAddressValidMs } from './reply-address.js';

/** Why a reply is not acted on; each has its SMTP answer in `replyRefusalTexts`. */
export const replyRefusalReasons = [
  'unknown_address',
  'expired',
  'resolved',
  'sender_mismatch',
  'automatic',
  'unavailable',
] as const;
export type ReplyRefusalReason = (typeof replyRefusalReasons)[number];

/**
 * What the sender's mail server reads in its bounce (so the person learns it too). An unknown
 * address and a sender who is not the paged person read the same: the MAC cannot tell them apart,
 * and a prober learns nothing from the difference.
 */
export const replyRefusalTexts: Record<ReplyRefusalReason, string> = {
  unknown_address: 'No such reply address for this sender',
  expired: 'This reply address expired: open the incident in Astreinte',
  resolved: 'This incident was resolved since the page: nothing was changed',
  sender_mismatch: 'The From header must be the address the page was sent to',
  automatic: 'Automatic replies do not acknowledge incidents',
  unavailable: 'Replies are not available on this server',
};

/** The person a reply address was made for and the incident it names, once every check passed. */
export interface ReplyTarget {
  accepted: true;
  incidentId: string;
  user: { id: string; name: string; email: string };
}

export interface ReplyRefusal {
  accepted: false;
  reason: ReplyRefusalReason;
  /** The incident the address names, when its MAC held (worth an audit row); null otherwise. */
  incidentId: string | null;
}

export interface ReplySettings {
  secretKey: Buffer | null;
  /** The domain of reply addresses (`inboundSmtpDomain`). */
  domain: string;
}

const selectSender = `SELECT id, name, email FROM users WHERE lower(email) = lower($1) AND deactivated_at IS NULL`;
const selectIncident = `SELECT status FROM incidents WHERE id = $1`;
// Resolved at any time since the page was sent, even if reopened since: that page's question was answered.
const selectResolvedSince = `
  SELECT 1 FROM incident_events WHERE incident_id = $1 AND type = 'incident_resolved' AND occurred_at >= $2 LIMIT 1`;

/**
 * Whether `address` is a reply address made for the person whose e-mail is `sender`, unexpired,
 * naming an incident not resolved since. Read at RCPT time (so an unknown address is refused
 * before any data) and again once the message arrived.
 */
export async function checkReplyRecipient({
  ctx,
  input,
  settings,
}: {
  ctx: Ctx;
  input: { address: string; sender: string };
  settings: ReplySettings;
}): Promise<ReplyTarget | ReplyRefusal> {
  const refuse = (reason: ReplyRefusalReason, incidentId: string | null = null): ReplyRefusal => ({
    accepted: false,
    reason,
    incidentId,
  });
  if (settings.secretKey === null) return refuse('unavailable');
  const parsed = parseReplyAddress(input.address, settings.domain);
  if (parsed === undefined) return refuse('unknown_address');
  const { rows: users } = await ctx.db.query<{ id: string; name: string; email: string }>(selectSender, [input.sender]);
  const user = users[0];
  if (user === undefined) return refuse('unknown_address');
  const check = checkReplyAddress(parsed, user.id, deriveReplyKey(settings.secretKey), ctx.now());
  if (check === 'bad_signature') return refuse('unknown_address');
  if (check === 'expired') return refuse('expired', parsed.incidentId);
  const { rows: incidents } = await ctx.db.query<{ status: string }>(selectIncident, [parsed.incidentId]);
  if (incidents[0] === undefined) return refuse('unknown_address');
  const issuedAt = new Date(parsed.expiresAt.getTime() - replyAddressValidMs);
  const { rows: resolved } = await ctx.db.query(selectResolvedSince, [parsed.incidentId, issuedAt]);
  if (incidents[0].status === 'resolved' || resolved.length > 0) return refuse('resolved', parsed.incidentId);
  return { accepted: true, incidentId: parsed.incidentId, user };
}
