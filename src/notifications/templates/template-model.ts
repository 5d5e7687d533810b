import { Type, type Static } from 'typebox';
import { IncidentStatusSchema, SeveritySchema } from '../../incidents/incident-model.js';

/**
 * `test`: the message an admin sends from the console to check that a channel reaches them.
 * `approval_requested`: a destructive step waits for someone who may approve it.
 */
export const notificationKinds = [
  'triggered',
  'escalated',
  'acknowledged',
  'resolved',
  'status_reminder',
  'approval_requested',
  'test',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];
export const NotificationKindSchema = Type.Enum(notificationKinds);

/**
 * The parts of a template: `subject` (e-mail subject, chat heading), `short` (SMS, chat preview),
 * `markdown` (chat and webhook body), `text` and `html` (e-mail bodies). All are Mustache;
 * only `html` escapes what it inserts (as HTML).
 */
export const templateParts = ['subject', 'short', 'markdown', 'text', 'html'] as const;
export type TemplatePart = (typeof templateParts)[number];
export type TemplateSet = Readonly<Record<TemplatePart, string>>;

// No whitespace: URLs are inserted into href attributes and chat link syntax.
const httpUrl = Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000 });

/**
 * What a notification is about, as the escalation engine knows it. The `ackUrl` is the recipient's
 * own signed link (`ack-link.ts`); `time` in messages is `occurredAt` in the recipient's zone.
 */
export const NotificationVarsSchema = Type.Object(
  {
    incidentId: Type.String({ minLength: 1, examples: ['INC-42'] }),
    title: Type.String(),
    severity: SeveritySchema,
    status: IncidentStatusSchema,
    services: Type.Array(Type.String()),
    summary: Type.String(),
    incidentUrl: httpUrl,
    ackUrl: Type.Optional(httpUrl),
    ackCode: Type.Optional(
      Type.String({ pattern: '^[0-9]{4}$', description: 'SMS pages: the code the recipient replies with (ACK 1234)' }),
    ),
    replyTo: Type.Optional(
      Type.String({
        pattern: '^[^\\s@<>]+@[^\\s@<>]+$',
        maxLength: 320,
        description: "pages by e-mail: the recipient's own reply address (replying acknowledges)",
      }),
    ),
    level: Type.Optional(Type.Integer({ minimum: 1, description: 'escalation level being paged' })),
    runbooks: Type.Optional(
      Type.Array(Type.Object({ title: Type.String(), url: httpUrl }, { additionalProperties: false })),
    ),
    occurredAt: Type.String({ format: 'date-time', description: 'when the event happened' }),
    timeZone: Type.Optional(Type.String({ description: 'IANA zone of the recipient; default UTC' })),
    actor: Type.Optional(Type.String({ description: 'who acknowledged or resolved; for approvals, who asked' })),
    step: Type.Optional(Type.String({ description: 'approval requests: the step waiting for approval' })),
    command: Type.Optional(
      Type.String({ description: 'approval requests: the command as it would run, secrets masked' }),
    ),
    silentMinutes: Type.Optional(
      Type.Integer({ minimum: 1, description: 'status reminders: minutes without a status update; default 15' }),
    ),
  },
  { additionalProperties: false, title: 'NotificationVars' },
);
export type NotificationVars = Static<typeof NotificationVarsSchema>;

const templateText = Type.String({ minLength: 1, maxLength: 20_000 });

/** An admin's replacement for some parts of one kind's template in one language. */
export const TemplateOverrideSchema = Type.Object(
  {
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    short: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    markdown: Type.Optional(templateText),
    text: Type.Optional(templateText),
    html: Type.Optional(templateText),
  },
  { additionalProperties: false, title: 'TemplateOverride' },
);
export type TemplateOverride = Static<typeof TemplateOverrideSchema>;

/**
 * The names a template may use, with what they hold, the reference an admin editing one needs.
 * Inside `{{#runbooks}}…{{/runbooks}}`, `title` and `url` are the runbook's.
 */
export const templateVariables = {
  incidentId: 'incident id, e.g. INC-42',
  title: 'incident title',
  severity: 'P1 … P4',
  status: 'status, in the message language',
  services: 'affected services, comma-separated (empty: none)',
  summary: 'incident summary (may be empty)',
  incidentUrl: 'link to the incident (approval requests: straight to the request)',
  ackUrl: 'signed acknowledge link of the recipient (empty when there is none)',
  ackCode: 'SMS pages: the code to reply with, as in ACK 1234 (empty elsewhere)',
  replyTo:
    'pages by e-mail: the reply address of the recipient, replying to which acknowledges (empty when replies are off)',
  level: 'escalation level being paged',
  runbooks: 'section over the runbooks, each with title and url',
  hasRunbooks: 'true when there is at least one runbook',
  time: "when it happened, in the recipient's time zone and language",
  actor: 'who acknowledged or resolved, or who asked for an approval (may be empty)',
  step: 'approval requests: the step waiting for approval',
  command: 'approval requests: the command as it would run, secrets masked',
  silentMinutes: 'minutes without a status update',
} as const;
export type TemplateVariable = keyof typeof templateVariables;

/** Names known inside a `{{#runbooks}}` section, besides the top-level ones. */
export const runbookVariables = ['title', 'url'] as const;
