import { notFound } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import type { NotificationLocale } from '../../notifications/channel-model.js';
import type { NotificationRule, NotificationRulesInput } from './set-notification-rules.js';

const selectRules = `SELECT notification_rules, locale FROM users WHERE id::text = $1`;

/**
 * How a person is reached when paged, as `PUT …/notification-rules` set it (themself, or an admin):
 * the profile page reads it before editing it.
 */
export async function getNotificationRules({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { userId: string };
}): Promise<Required<NotificationRulesInput>> {
  requireRole(ctx, 'viewer');
  const self = ctx.actor.type === 'user' && ctx.actor.id === input.userId;
  if (!self) requireRole(ctx, 'admin');
  const { rows } = await ctx.db.query<{ notification_rules: NotificationRule[]; locale: NotificationLocale }>(
    selectRules,
    [input.userId],
  );
  const row = rows[0];
  if (row === undefined) throw notFound('user', input.userId);
  return { rules: row.notification_rules, locale: row.locale };
}
