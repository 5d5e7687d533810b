import { Type, type Static } from 'typebox';
import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import type { MessageFormat } from '../channel-kind-definition.js';
import { channelKind, ChannelKindSchema } from '../channel-kinds.js';
import { NotificationLocaleSchema } from '../channel-model.js';
import { checkTemplate } from './check-template.js';
import { renderNotification, smsMaxLength } from './render-notification.js';
import { NotificationKindSchema, TemplateOverrideSchema, type NotificationVars } from './template-model.js';

export const PreviewTemplateInput = Type.Object(
  {
    kind: NotificationKindSchema,
    locale: NotificationLocaleSchema,
    channel: ChannelKindSchema,
    template: TemplateOverrideSchema,
  },
  { additionalProperties: false },
);
export type PreviewTemplateInput = Static<typeof PreviewTemplateInput>;

const messageFormats = ['email', 'sms', 'slack', 'markdown'] as const satisfies readonly MessageFormat[];

export const TemplatePreviewSchema = Type.Object(
  {
    format: Type.Enum(messageFormats),
    subject: Type.String(),
    short: Type.String(),
    text: Type.String({ description: "the body in the channel's format (the SMS itself for sms)" }),
    html: Type.Optional(Type.String({ description: 'e-mail only: the HTML body, a whole document' })),
    smsMaxLength: Type.Integer({ description: 'characters in one SMS segment' }),
  },
  { title: 'NotificationTemplatePreview' },
);
export type TemplatePreview = Static<typeof TemplatePreviewSchema>;

/**
 * The incident every preview shows: made up, but with what a real page carries (services, a
 * runbook, an acknowledge link, an escalation level, a responder), so every section of a template
 * renders and the admin sees its longest form.
 */
function sampleVars(at: Date): NotificationVars {
  return {
    incidentId: 'INC-42',
    title: 'Checkout API returns 502 for 30% of requests',
    severity: 'P1',
    status: 'triggered',
    services: ['checkout-api', 'payments'],
    summary: 'Error rate above 30% since the 14:02 deploy; the load balancer marks two of three nodes unhealthy.',
    incidentUrl: 'https://astreinte.example.com/incidents/INC-42',
    ackUrl: 'https://astreinte.example.com/ack/sample',
    level: 2,
    runbooks: [{ title: 'Checkout API: roll back a deploy', url: 'https://astreinte.example.com/runbooks/rollback' }],
    occurredAt: at.toISOString(),
    actor: 'Camille Martin',
    silentMinutes: 30,
    step: 'Roll back the 14:02 deploy',
    command: 'kubectl rollout undo deployment/checkout-api --to-revision=41',
  };
}

/**
 * Renders a template not yet saved with a sample incident, exactly as a page on that channel
 * would be (admin, as editing is): checked first, so the preview shows the same field errors a
 * save would. Writes nothing, hence no audit row.
 */
export function previewTemplate({ ctx, input }: { ctx: Ctx; input: PreviewTemplateInput }): TemplatePreview {
  requireRole(ctx, 'admin');
  checkTemplate(input.template, '/template');
  const rendered = renderNotification({ ...input, vars: sampleVars(ctx.now()), override: input.template });
  return {
    format: channelKind(input.channel).format,
    subject: rendered.subject,
    short: rendered.short,
    text: rendered.text,
    ...(rendered.html === undefined ? {} : { html: rendered.html }),
    smsMaxLength,
  };
}
