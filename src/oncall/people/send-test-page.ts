import { Type, type Static } from 'typebox';
import { recordAudit } from '../../audit/record-audit.js';
import { conflict, notFound } from '../../core/app-error.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { contactOf, type PersonContacts } from '../../notifications/channel-kind-definition.js';
import { channelKind, ChannelKindSchema } from '../../notifications/channel-kinds.js';
import { channelColumns, type ChannelRow } from '../../notifications/store/channel-record.js';
import { selectTestPerson, sendTestMessage, type TestPersonRow } from '../../notifications/store/send-test-message.js';
import type { NotificationRule } from './set-notification-rules.js';
import { requireSelfOrAdmin } from './require-self-or-admin.js';
import { ruleIsFor, RuleUrgencySchema, UrgencySchema, type Urgency } from './urgency.js';

export const TestPageInput = Type.Object(
  { urgency: Type.Optional({ ...UrgencySchema, description: 'the urgency to try (high when absent)' }) },
  { additionalProperties: false },
);
export type TestPageInput = Static<typeof TestPageInput>;

export const TestPageRuleSchema = Type.Object(
  {
    channel: ChannelKindSchema,
    delayMinutes: Type.Integer(),
    urgency: RuleUrgencySchema,
    outcome: Type.Enum(['sent', 'failed', 'no-channel', 'no-address'] as const, {
      description: 'no-channel: no enabled channel of this kind; no-address: the person has no contact for it',
    }),
    channelId: Type.Union([Type.String(), Type.Null()]),
    to: Type.Union([Type.String(), Type.Null()]),
    status: Type.Optional(Type.Integer()),
    error: Type.Optional(Type.String()),
  },
  { title: 'TestPageRuleOutcome' },
);
export const TestPageSchema = Type.Object(
  { userId: Type.String(), urgency: UrgencySchema, rules: Type.Array(TestPageRuleSchema) },
  { title: 'TestPage' },
);
export type TestPage = Static<typeof TestPageSchema>;
type RuleOutcome = Static<typeof TestPageRuleSchema>;

const selectPersonRules = `SELECT notification_rules FROM users WHERE id::text = $1`;
const selectEnabledChannels = `SELECT ${channelColumns} FROM notification_channels WHERE enabled ORDER BY id`;

/**
 * Sends a person a test page through each of their notification rules for one urgency (high by
 * default: the page that must wake them) — on the channel a real page would use (the first
 * enabled one of the rule's kind), at once rather than after the rule's delay, outside retries —
 * and tells each rule's outcome (themself or an admin; one audit row with them all).
 */
export async function sendTestPage({
  ctx,
  input,
  secretKey,
  baseUrl,
}: {
  ctx: Ctx;
  input: { userId: string } & TestPageInput;
  secretKey: Buffer | null;
  baseUrl: string;
}): Promise<TestPage> {
  requireSelfOrAdmin(ctx, input.userId);
  const person = (await ctx.db.query<TestPersonRow>(selectTestPerson, [input.userId])).rows[0];
  if (person === undefined) throw notFound('user', input.userId);
  if (secretKey === null)
    throw conflict('notification channels need ASTREINTE_SECRET_KEY (their secrets are sealed with it)', {
      requires: 'ASTREINTE_SECRET_KEY',
    });
  const { rows } = await ctx.db.query<{ notification_rules: NotificationRule[] }>(selectPersonRules, [person.id]);
  const { rows: channels } = await ctx.db.query<ChannelRow>(selectEnabledChannels);
  const urgency: Urgency = input.urgency ?? 'high';
  const outcomes: RuleOutcome[] = [];
  for (const rule of (rows[0]?.notification_rules ?? []).filter((candidate) => ruleIsFor(candidate, urgency))) {
    const channel = channels.find((candidate) => candidate.kind === rule.channel);
    const base = {
      channel: rule.channel,
      delayMinutes: rule.delayMinutes,
      urgency: rule.urgency ?? 'any',
      channelId: channel?.id ?? null,
    };
    if (channel === undefined) {
      outcomes.push({ ...base, outcome: 'no-channel', to: null });
      continue;
    }
    // As a page would: a rule whose kind needs a contact the person lacks (no phone for SMS) sends nothing.
    if (contactOf(channelKind(channel.kind).contact, contactsOf(person)) === null) {
      outcomes.push({ ...base, outcome: 'no-address', to: null });
      continue;
    }
    const sent = await sendTestMessage(ctx, {
      channel,
      person,
      summary: `${ctx.actor.name} → ${person.name}`,
      pagePath: '/profile',
      secretKey,
      baseUrl,
    });
    const { result } = sent;
    outcomes.push({
      ...base,
      outcome: result.outcome,
      to: sent.to,
      ...(result.status === undefined ? {} : { status: result.status }),
      ...(result.error === undefined ? {} : { error: result.error }),
    });
  }
  // Recorded after the attempts, not around them: no transaction stays open while servers answer.
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, {
      action: 'user.test_page',
      targetType: 'user',
      targetId: person.id,
      details: {
        urgency,
        rules: outcomes.map(({ channel, outcome, status, error }) => ({ channel, outcome, status, error })),
      },
    }),
  );
  return { userId: person.id, urgency, rules: outcomes };
}

function contactsOf(person: TestPersonRow): PersonContacts {
  return { id: person.id, email: person.email, phone: person.phone, chatHandle: person.chat_handle };
}
