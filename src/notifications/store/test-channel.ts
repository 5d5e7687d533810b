import { Type, type Static } from 'typebox';
import { recordAudit } from '../../audit/record-audit.js';
import { conflict, notFound } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { channelKind } from '../channel-kinds.js';
import { channelColumns, type ChannelRow } from './channel-record.js';
import { selectTestPerson, sendTestMessage, type TestPersonRow } from './send-test-message.js';

export const ChannelTestSchema = Type.Object(
  {
    channelId: Type.String(),
    outcome: Type.Enum(['sent', 'failed'] as const),
    to: Type.Union([Type.String(), Type.Null()], {
      description: "the address it went to (the admin's own contact), null for channels that post to one place",
    }),
    status: Type.Optional(Type.Integer({ description: 'HTTP status, or SMTP reply code' })),
    error: Type.Optional(Type.String()),
    warning: Type.Optional(
      Type.String({ description: 'what the admin should know although it worked (a certificate left unchecked)' }),
    ),
    retryable: Type.Boolean(),
    deliveryId: Type.String(),
  },
  { title: 'NotificationChannelTest' },
);
export type ChannelTest = Static<typeof ChannelTestSchema>;

const selectChannel = `SELECT ${channelColumns} FROM notification_channels WHERE id = $1`;

/**
 * Sends a test message through a channel, to the admin who asks (their own e-mail or phone; chat
 * channels post where they always post), and says what came of it (admin; audited with the
 * outcome). It goes through the channel's sender as a page would — the same timeout, no redirect
 * followed, the answer bounded — but outside the retry policy and the circuit breaker: a test is
 * how one finds out that a channel works again. A disabled channel can be tested before enabling it.
 */
export async function testChannel({
  ctx,
  input,
  secretKey,
  baseUrl,
}: {
  ctx: Ctx;
  input: { id: string };
  secretKey: Buffer | null;
  baseUrl: string;
}): Promise<ChannelTest> {
  requireRole(ctx, 'admin');
  if (secretKey === null)
    throw conflict('notification channels need ASTREINTE_SECRET_KEY (their secrets are sealed with it)', {
      requires: 'ASTREINTE_SECRET_KEY',
    });
  const { rows } = await ctx.db.query<ChannelRow>(selectChannel, [input.id]);
  const channel = rows[0];
  if (channel === undefined) throw notFound('notification channel', input.id);
  const person =
    ctx.actor.type === 'user'
      ? (await ctx.db.query<TestPersonRow>(selectTestPerson, [ctx.actor.id])).rows[0]
      : undefined;
  const { to, result, deliveryId } = await sendTestMessage(ctx, {
    channel,
    person,
    summary: `${ctx.actor.name} → ${channel.name} (${channelKind(channel.kind).label})`,
    pagePath: '/admin/notification-channels',
    secretKey,
    baseUrl,
  });
  const outcome: ChannelTest = {
    channelId: channel.id,
    outcome: result.outcome,
    to,
    ...(result.status === undefined ? {} : { status: result.status }),
    ...(result.error === undefined ? {} : { error: result.error }),
    ...(result.warning === undefined ? {} : { warning: result.warning }),
    retryable: result.retryable,
    deliveryId,
  };
  // Recorded after the attempt, not around it: no transaction stays open while a server answers.
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, {
      action: 'notification_channel.test',
      targetType: 'notification_channel',
      targetId: channel.id,
      details: {
        kind: channel.kind,
        outcome: result.outcome,
        status: result.status ?? null,
        error: result.error ?? null,
        ...(result.warning === undefined ? {} : { warning: result.warning }),
      },
    }),
  );
  return outcome;
}
