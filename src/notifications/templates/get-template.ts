import { Type, type Static } from 'typebox';
import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import { ChannelKindSchema, type ChannelKind } from '../channel-kinds.js';
import { NotificationLocaleSchema, type NotificationLocale } from '../channel-model.js';
import { loadTemplateOverride } from '../store/put-template.js';
import { defaultTemplates } from './default-templates.js';
import {
  NotificationKindSchema,
  templateVariables,
  TemplateOverrideSchema,
  type NotificationKind,
} from './template-model.js';

const TemplatePartsSchema = Type.Object({
  subject: Type.String(),
  short: Type.String(),
  markdown: Type.String(),
  text: Type.String(),
  html: Type.String(),
});

export const TemplateEditingSchema = Type.Object(
  {
    kind: NotificationKindSchema,
    locale: NotificationLocaleSchema,
    channel: ChannelKindSchema,
    defaults: TemplatePartsSchema,
    override: Type.Union([TemplateOverrideSchema, Type.Null()], { description: "the admin's parts, null if none" }),
    variables: Type.Record(Type.String(), Type.String(), { description: 'the names a template may use' }),
  },
  { title: 'NotificationTemplateEditing' },
);
export type TemplateEditing = Static<typeof TemplateEditingSchema>;

/**
 * One message's template as an admin edits it: the built-in parts, the admin's replacement parts
 * if saved, and the variables a part may use (admin, as saving is: templates are set-up, not
 * something a responder reads).
 */
export async function getTemplate({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { kind: NotificationKind; locale: NotificationLocale; channel: ChannelKind };
}): Promise<TemplateEditing> {
  requireRole(ctx, 'admin');
  const override = await loadTemplateOverride(ctx.db, input.kind, input.locale, input.channel);
  return {
    ...input,
    defaults: { ...defaultTemplates[input.locale][input.kind] },
    override: override ?? null,
    variables: { ...templateVariables },
  };
}
