import { Type, type Static } from 'typebox';
import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import { channelKind, channelKindNames, ChannelKindSchema } from '../channel-kinds.js';
import { NotificationLocaleSchema, notificationLocales } from '../channel-model.js';
import { NotificationKindSchema, notificationKinds } from './template-model.js';

export const TemplateChoicesSchema = Type.Object(
  {
    kinds: Type.Array(NotificationKindSchema),
    locales: Type.Array(NotificationLocaleSchema),
    channels: Type.Array(
      Type.Object({
        kind: ChannelKindSchema,
        label: Type.String(),
        format: Type.String({ description: 'email, sms, slack or markdown: the parts a template uses' }),
      }),
    ),
  },
  { title: 'NotificationTemplateChoices' },
);
export type TemplateChoices = Static<typeof TemplateChoicesSchema>;

/**
 * What a template can be chosen by (message kind, language, channel kind with its format), read
 * from the server's tables so the console keeps no copy of them (admin, as editing is).
 */
export function listTemplateChoices({ ctx }: { ctx: Ctx }): TemplateChoices {
  requireRole(ctx, 'admin');
  return {
    kinds: [...notificationKinds],
    locales: [...notificationLocales],
    channels: channelKindNames.map((kind) => ({
      kind,
      label: channelKind(kind).label,
      format: channelKind(kind).format,
    })),
  };
}
