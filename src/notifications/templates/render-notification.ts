import Mustache from 'mustache';
import { channelKind, type ChannelKind } from '../channel-kinds.js';
import type { NotificationLocale } from '../channel-model.js';
import type { RenderedMessage } from '../delivery-result.js';
import { escapeHtml, escapeSlackText, keepText, toSlackTemplate } from './chat-dialects.js';
import { defaultTemplates } from './default-templates.js';
import type {
  NotificationKind,
  NotificationVars,
  TemplateOverride,
  TemplatePart,
  TemplateSet,
} from './template-model.js';
import { buildTemplateView, type TemplateView } from './template-view.js';

/** One SMS segment in the GSM 7-bit alphabet. */
export const smsMaxLength = 160;

export interface RenderNotificationInput {
  kind: NotificationKind;
  locale: NotificationLocale;
  channel: ChannelKind;
  vars: NotificationVars;
  /** An admin's template (checked by `checkTemplate` when it was saved); parts it lacks use the default. */
  override?: TemplateOverride;
}

/**
 * Renders a notification for one channel, in the message format its kind's row names: subject and
 * short line always; as `text`, the plain e-mail body, the SMS (the short line fitted to 160
 * characters by shortening the title when that is enough), Slack mrkdwn, or Markdown (Mattermost,
 * Teams, webhooks); `html` for e-mail, the only output whose inserted values are escaped (as HTML;
 * Slack's `&<>` too). An override part that fails to render falls back to the default rather than
 * leaving someone unpaged.
 */
export function renderNotification(input: RenderNotificationInput): RenderedMessage {
  const { kind, locale, channel, vars } = input;
  const defaults = defaultTemplates[locale][kind];
  const view = buildTemplateView(vars, locale);
  const part = (
    name: TemplatePart,
    escape: (value: unknown) => string,
    rewrite: (source: string) => string = (source) => source,
  ): string => renderPart(input.override?.[name], defaults, name, view, escape, rewrite);
  const subject = oneLine(part('subject', keepText));
  const short = oneLine(part('short', keepText));
  const message: RenderedMessage = { subject, short, text: '', severity: vars.severity };
  switch (channelKind(channel).format) {
    case 'email':
      return {
        ...message,
        text: tidy(part('text', keepText)),
        html: wrapHtml(tidy(part('html', escapeHtml)), subject, locale),
      };
    case 'sms':
      return {
        ...message,
        text: fitSms((fitted) => renderPart(input.override?.short, defaults, 'short', fitted, keepText), view),
      };
    case 'slack':
      return { ...message, text: tidy(part('markdown', escapeSlackText, toSlackTemplate)) };
    case 'markdown':
      return { ...message, text: tidy(part('markdown', keepText)) };
  }
}

function renderPart(
  override: string | undefined,
  defaults: TemplateSet,
  name: TemplatePart,
  view: TemplateView,
  escape: (value: unknown) => string,
  rewrite: (source: string) => string = (source) => source,
): string {
  if (override !== undefined) {
    try {
      return Mustache.render(rewrite(override), view, {}, { escape });
    } catch {
      // checkTemplate refuses what does not parse; a page still goes out if one slipped through.
    }
  }
  return Mustache.render(rewrite(defaults[name]), view, {}, { escape });
}

/** Shortens the title (with "...", which GSM 7-bit has, unlike "…") until the SMS fits, when it can. */
function fitSms(render: (view: TemplateView) => string, view: TemplateView): string {
  const full = oneLine(render(view));
  const excess = full.length - smsMaxLength;
  if (excess <= 0) return full;
  const keep = view.title.length - excess - 3;
  if (keep < 8) return full;
  return oneLine(render({ ...view, title: `${view.title.slice(0, keep).trimEnd()}...` }));
}

// Subjects become e-mail headers and chat headings, SMS are one line: titles with newlines fold.
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

// Sections that render empty leave blank lines behind; more than one in a row is never meant.
function tidy(text: string): string {
  return text.replace(/\n{3,}/g, '\n\n').trim();
}

function wrapHtml(body: string, subject: string, locale: NotificationLocale): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: -apple-system, \'Segoe UI\', Roboto, Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.5; color: #1f2328;">',
    body,
    '</body></html>',
  ].join('\n');
}
