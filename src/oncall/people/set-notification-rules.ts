import { Type, type Static } from 'typebox';
import { recordAudit } from '../../audit/record-audit.js';
import { notFound } from '../../core/app-error.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { ChannelKindSchema } from '../../notifications/channel-kinds.js';
import { notificationLocales } from '../../notifications/channel-model.js';
import { requireSelfOrAdmin } from './require-self-or-admin.js';
import { RuleUrgencySchema } from './urgency.js';

/** One way a person wants to be reached (a kind of channel), after how long, and for which pages. */
const NotificationRuleSchema = Type.Object(
  {
    channel: ChannelKindSchema,
    delayMinutes: Type.Integer({ minimum: 0, maximum: 1440, description: 'after the level paged this person' }),
    // Optional: rules saved before urgencies existed (and clients that do not send one) mean any.
    urgency: Type.Optional(RuleUrgencySchema),
  },
  { additionalProperties: false },
);
export type NotificationRule = Static<typeof NotificationRuleSchema>;

export const NotificationRulesInput = Type.Object(
  {
    rules: Type.Array(NotificationRuleSchema, { minItems: 1, maxItems: 10 }),
    locale: Type.Optional(
      Type.Enum(notificationLocales, { description: "the language of this person's notifications" }),
    ),
  },
  { additionalProperties: false },
);
export type NotificationRulesInput = Static<typeof NotificationRulesInput>;

/**
 * How a person is reached when paged (themself, or an admin): e-mail at once, SMS after 5
 * minutes, … Each rule sends on the first enabled channel of its kind, for pages of its urgency
 * (high, low, or any); `locale` sets the language.
 */
export async function setNotificationRules({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { userId: string } & NotificationRulesInput;
}): Promise<NotificationRulesInput> {
  requireSelfOrAdmin(ctx, input.userId);
  return inTransaction(ctx, async (tx) => {
    const { rowCount } = await tx.db.query(
      'UPDATE users SET notification_rules = $2, locale = COALESCE($4, locale), updated_at = $3 WHERE id::text = $1',
      [input.userId, JSON.stringify(input.rules), tx.now(), input.locale ?? null],
    );
    if (rowCount === 0) throw notFound('user', input.userId);
    await recordAudit(tx, {
      action: 'user.notification_rules',
      targetType: 'user',
      targetId: input.userId,
      details: { rules: input.rules, locale: input.locale ?? null },
    });
    return { rules: input.rules, ...(input.locale === undefined ? {} : { locale: input.locale }) };
  });
}
