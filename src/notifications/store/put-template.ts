import { Type } from 'typebox';
import { recordAudit } from '../../audit/record-audit.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import type { Queryable } from '../../storage/database.js';
import { ChannelKindSchema, type ChannelKind } from '../channel-kinds.js';
import { NotificationLocaleSchema, type NotificationLocale } from '../channel-model.js';
import { checkTemplate } from '../templates/check-template.js';
import {
  NotificationKindSchema,
  TemplateOverrideSchema,
  type NotificationKind,
  type TemplateOverride,
} from '../templates/template-model.js';

export const StoredTemplateSchema = Type.Object(
  {
    kind: NotificationKindSchema,
    locale: NotificationLocaleSchema,
    channel: ChannelKindSchema,
    template: TemplateOverrideSchema,
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'NotificationTemplate' },
);

const upsertTemplate = `
  INSERT INTO notification_templates (kind, locale, channel, template, updated_at) VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (kind, locale, channel) DO UPDATE SET template = EXCLUDED.template, updated_at = EXCLUDED.updated_at`;

/**
 * Replaces the default text of one kind of message, in one language, on one channel (admin);
 * parts left out keep the default. Checked when saved (Mustache syntax, known variables), so a
 * page never meets a broken template.
 */
export async function putTemplate({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { kind: NotificationKind; locale: NotificationLocale; channel: ChannelKind; template: TemplateOverride };
}) {
  requireRole(ctx, 'admin');
  checkTemplate(input.template, '/template');
  return inTransaction(ctx, async (tx) => {
    const now = tx.now();
    await tx.db.query(upsertTemplate, [input.kind, input.locale, input.channel, JSON.stringify(input.template), now]);
    await recordAudit(tx, {
      action: 'notification_template.put',
      targetType: 'notification_template',
      targetId: `${input.kind}/${input.locale}/${input.channel}`,
      details: { parts: Object.keys(input.template) },
    });
    return { ...input, updatedAt: now.toISOString() };
  });
}

/** An admin's template for this message, language and channel, if there is one. */
export async function loadTemplateOverride(
  db: Queryable,
  kind: NotificationKind,
  locale: NotificationLocale,
  channel: ChannelKind,
): Promise<TemplateOverride | undefined> {
  const { rows } = await db.query<{ template: TemplateOverride }>(
    'SELECT template FROM notification_templates WHERE kind = $1 AND locale = $2 AND channel = $3',
    [kind, locale, channel],
  );
  return rows[0]?.template;
}
