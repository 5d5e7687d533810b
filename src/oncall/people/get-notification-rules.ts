import { Type, type Static } from 'typebox';
import { notFound } from '../../core/app-error.js';
import type { Ctx } from '../../core/context.js';
import { channelKind, channelKindNames, ChannelKindSchema } from '../../notifications/channel-kinds.js';
import { NotificationLocaleSchema, type NotificationLocale } from '../../notifications/channel-model.js';
import { NotificationRulesInput, type NotificationRule } from './set-notification-rules.js';
import { requireSelfOrAdmin } from './require-self-or-admin.js';

export const PersonRulesSchema = Type.Object(
  {
    rules: NotificationRulesInput.properties.rules,
    locale: NotificationLocaleSchema,
    kinds: Type.Array(
      Type.Object({
        kind: ChannelKindSchema,
        label: Type.String(),
        contact: Type.String({ description: "which of the person's contacts it goes to" }),
        enabled: Type.Boolean({
          description: 'whether an enabled channel of this kind exists (else its rules send nothing)',
        }),
      }),
      { description: 'the kinds a rule may name, for the editor (the channel list itself is for admins)' },
    ),
  },
  { title: 'PersonNotificationRules' },
);
export type PersonRules = Static<typeof PersonRulesSchema>;

const selectRules = `SELECT notification_rules, locale FROM users WHERE id::text = $1`;
const selectEnabledKinds = `SELECT DISTINCT kind FROM notification_channels WHERE enabled`;

/**
 * How a person is reached when paged, as `PUT …/notification-rules` set it (themself, or an admin),
 * with the kinds a rule may name and whether a channel sends them: the profile page's editor.
 */
export async function getNotificationRules({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { userId: string };
}): Promise<PersonRules> {
  requireSelfOrAdmin(ctx, input.userId);
  const { rows } = await ctx.db.query<{ notification_rules: NotificationRule[]; locale: NotificationLocale }>(
    selectRules,
    [input.userId],
  );
  const row = rows[0];
  if (row === undefined) throw notFound('user', input.userId);
  const { rows: enabled } = await ctx.db.query<{ kind: string }>(selectEnabledKinds);
  const kinds = channelKindNames.map((kind) => ({
    kind,
    label: channelKind(kind).label,
    contact: channelKind(kind).contact,
    enabled: enabled.some((channel) => channel.kind === kind),
  }));
  return { rules: row.notification_rules, locale: row.locale, kinds };
}
