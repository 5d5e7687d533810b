/**
 * The built-in templates. Every kind's body has the same layout (headline, optional intro, the
 * summary, the facts, the runbooks for pages, the links), so the layout is written once here and
 * each language gives only its words (`words-en.ts`, `words-fr.ts`). What comes out is plain
 * Mustache, the same language an admin's override is written in.
 */
import type { NotificationLocale } from '../channel-model.js';
import type { NotificationKind, TemplateSet } from './template-model.js';
import { notificationKinds } from './template-model.js';
import { englishWords } from './words-en.js';
import { frenchWords } from './words-fr.js';

/** The words of one language; labels carry their own punctuation (`Severity:`, `Sévérité :`). */
export interface TemplateWords {
  severity: string;
  status: string;
  services: string;
  time: string;
  runbooks: string;
  acknowledge: string;
  openIncident: string;
  /** Pages by e-mail when replies are on: what replying does. */
  replyHint: string;
  signature: string;
  /** `:` in English, ` :` in French (a space before, as French typography wants). */
  colon: string;
  kinds: Readonly<Record<NotificationKind, KindWords>>;
}

export interface KindWords {
  subject: string;
  short: string;
  headline: string;
  intro?: string;
  /** Pages offer the acknowledge link and the runbooks; follow-ups only the incident. */
  page: boolean;
  /** Shows `{{command}}` as a block (approval requests: the approver sees what would run). */
  command?: boolean;
  /** The last link's words when it leads somewhere more precise than the incident. */
  link?: string;
}

const lines = (...parts: Array<string | false>): string => parts.filter((part) => part !== false).join('\n');

function markdownTemplate(words: TemplateWords, kind: KindWords): string {
  return lines(
    `**${kind.headline}**`,
    kind.intro !== undefined && `\n${kind.intro}`,
    '{{#summary}}',
    '',
    '{{summary}}',
    '{{/summary}}',
    '',
    `- ${words.severity} **{{severity}}**`,
    `- ${words.status} {{status}}`,
    '{{#services}}',
    `- ${words.services} {{services}}`,
    '{{/services}}',
    `- ${words.time} {{time}}`,
    kind.command === true && lines('', '```', '{{command}}', '```'),
    kind.page &&
      lines(
        '{{#hasRunbooks}}',
        '',
        words.runbooks,
        '{{#runbooks}}',
        '- [{{title}}]({{url}})',
        '{{/runbooks}}',
        '{{/hasRunbooks}}',
      ),
    '',
    `${kind.page ? `{{#ackUrl}}[${words.acknowledge}]({{ackUrl}}) · {{/ackUrl}}` : ''}[${kind.link ?? words.openIncident}]({{incidentUrl}})`,
  );
}

function textTemplate(words: TemplateWords, kind: KindWords): string {
  return lines(
    kind.headline,
    kind.intro !== undefined && `\n${kind.intro}`,
    '{{#summary}}',
    '',
    '{{summary}}',
    '{{/summary}}',
    '',
    `${words.severity} {{severity}}`,
    `${words.status} {{status}}`,
    '{{#services}}',
    `${words.services} {{services}}`,
    '{{/services}}',
    `${words.time} {{time}}`,
    kind.command === true && lines('', '    {{command}}'),
    kind.page &&
      lines(
        '{{#hasRunbooks}}',
        '',
        words.runbooks,
        '{{#runbooks}}',
        `- {{title}}${words.colon} {{url}}`,
        '{{/runbooks}}',
        '{{/hasRunbooks}}',
      ),
    '',
    kind.page && lines('{{#ackUrl}}', `${words.acknowledge}${words.colon} {{ackUrl}}`, '{{/ackUrl}}'),
    kind.page && lines('{{#replyTo}}', words.replyHint, '{{/replyTo}}'),
    `${kind.link ?? words.openIncident}${words.colon} {{incidentUrl}}`,
    '',
    '-- ',
    words.signature,
  );
}

function htmlTemplate(words: TemplateWords, kind: KindWords): string {
  return lines(
    `<p><strong>${kind.headline}</strong></p>`,
    kind.intro !== undefined && `<p>${kind.intro}</p>`,
    '{{#summary}}',
    '<p>{{summary}}</p>',
    '{{/summary}}',
    '<ul>',
    `<li>${words.severity} <strong>{{severity}}</strong></li>`,
    `<li>${words.status} {{status}}</li>`,
    '{{#services}}',
    `<li>${words.services} {{services}}</li>`,
    '{{/services}}',
    `<li>${words.time} {{time}}</li>`,
    '</ul>',
    kind.command === true && '<pre>{{command}}</pre>',
    kind.page &&
      lines(
        '{{#hasRunbooks}}',
        `<p>${words.runbooks}</p>`,
        '<ul>',
        '{{#runbooks}}',
        '<li><a href="{{url}}">{{title}}</a></li>',
        '{{/runbooks}}',
        '</ul>',
        '{{/hasRunbooks}}',
      ),
    `<p>${kind.page ? `{{#ackUrl}}<a href="{{ackUrl}}"><strong>${words.acknowledge}</strong></a> · {{/ackUrl}}` : ''}<a href="{{incidentUrl}}">${kind.link ?? words.openIncident}</a></p>`,
    kind.page && `{{#replyTo}}<p>${words.replyHint}</p>{{/replyTo}}`,
  );
}

/** The full template set of one kind in one language. */
export function buildTemplateSet(words: TemplateWords, kind: NotificationKind): TemplateSet {
  const kindWords = words.kinds[kind];
  return {
    subject: kindWords.subject,
    short: kindWords.short,
    markdown: markdownTemplate(words, kindWords),
    text: textTemplate(words, kindWords),
    html: htmlTemplate(words, kindWords),
  };
}

const wordsByLocale: Readonly<Record<NotificationLocale, TemplateWords>> = { en: englishWords, fr: frenchWords };

/** Every built-in template, by language then kind: what an admin's override starts from. */
export const defaultTemplates: Readonly<Record<NotificationLocale, Readonly<Record<NotificationKind, TemplateSet>>>> = {
  en: Object.fromEntries(notificationKinds.map((kind) => [kind, buildTemplateSet(wordsByLocale.en, kind)])) as Record<
    NotificationKind,
    TemplateSet
  >,
  fr: Object.fromEntries(notificationKinds.map((kind) => [kind, buildTemplateSet(wordsByLocale.fr, kind)])) as Record<
    NotificationKind,
    TemplateSet
  >,
};
