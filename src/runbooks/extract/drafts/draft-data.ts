import { Type, type Static, type TSchema } from 'typebox';

/**
 * The `data` of each draft kind. A draft is what a careful reader found, for a user to review and
 * adopt: values are kept as written next to what was understood of them (`raw`, `windowRaw`), and
 * anything that could not be read is null rather than guessed.
 */

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const severityLevels = ['P1', 'P2', 'P3', 'P4'] as const;
export type SeverityLevel = (typeof severityLevels)[number];

/** `severity-classes`: the levels a team sorts incidents into, most severe first. */
export const SeverityClassesDataSchema = Type.Object({
  classes: Type.Array(
    Type.Object({
      level: Type.Enum(severityLevels),
      /** `Critique`, `High` … empty when the document gives only the level. */
      name: Type.String(),
      criteria: Type.Array(Type.String()),
      /** Resolution target (`< 4h` → 240), null when the document sets none. */
      resolutionTargetMinutes: nullable(Type.Number()),
      raw: Type.String(),
    }),
  ),
});
export type SeverityClassesData = Static<typeof SeverityClassesDataSchema>;

/** One rung of an escalation policy. */
export const EscalationLevelSchema = Type.Object({
  level: Type.Integer({ minimum: 1 }),
  /** Who is paged: a person, role or team, or what the level does when the document says only that. */
  target: Type.String(),
  /** A short role name the level carries (`L1 - Ops` → `Ops`). */
  role: nullable(Type.String()),
  /**
   * When this level is paged, in minutes after the incident started. From a window (`15-30 min` → 15,
   * `30+ min` → 30) or an "after" column as is; from per-level response delays it is the sum of the
   * delays of the levels before (each level has its delay to answer before the next is paged).
   */
  delayMinutes: nullable(Type.Number()),
  /** The level's own time to answer, when the document gives response delays (`Délai de réponse`). */
  responseMinutes: nullable(Type.Number()),
  windowRaw: nullable(Type.String()),
  /** What the level covers when written next to it (`Support utilisateur (FAQ, guides)`). */
  notes: nullable(Type.String()),
});

/** `escalation-policy`: who is paged, in which order, and when. */
export const EscalationPolicyDataSchema = Type.Object({
  levels: Type.Array(EscalationLevelSchema),
  /** How many times the whole policy repeats, when the document says so. */
  repeat: nullable(Type.Integer({ minimum: 1 })),
});
export type EscalationPolicyData = Static<typeof EscalationPolicyDataSchema>;

/** One way to reach a person, team, channel or vendor. */
export const ContactSchema = Type.Object({
  /** The person when the document names one, else the role or team (`Équipe DevOps`). */
  name: Type.String(),
  role: nullable(Type.String()),
  /** The sub-heading of a contacts section the entry sits under (`Management`, `Vendors`). */
  group: nullable(Type.String()),
  email: nullable(Type.String()),
  phone: nullable(Type.String()),
  /** A chat channel or handle (`#safargo-alerts`). */
  chat: nullable(Type.String()),
  url: nullable(Type.String()),
  /** True when an address is a stand-in to fill (`+41 21 XXX XX XX`, `[Numéro support]`, `TBD`). */
  placeholder: Type.Boolean(),
  raw: Type.String(),
  line: Type.Integer({ minimum: 1 }),
});
export type Contact = Static<typeof ContactSchema>;

/** `contacts`: a contacts section, its sub-headings as groups. */
export const ContactsDataSchema = Type.Object({ contacts: Type.Array(ContactSchema) });
export type ContactsData = Static<typeof ContactsDataSchema>;

export const alertOperators = ['>', '<', '>=', '<=', '==', '!='] as const;
export type AlertOperator = (typeof alertOperators)[number];
export const alertUnits = ['%', 'ms', 's', 'min', 'h', 'd', 'B', 'KB', 'MB', 'GB', 'TB'] as const;
export type AlertUnit = (typeof alertUnits)[number];

/** One alert: a condition as written, and what could be read of it. */
export const AlertRuleSchema = Type.Object({
  name: Type.String(),
  /** The condition as written: PromQL (`up{job="postgres"} == 0`) or prose (`Taux d'assignation < 70%`). */
  expression: nullable(Type.String()),
  metric: nullable(Type.String()),
  operator: nullable(Type.Enum(alertOperators)),
  threshold: nullable(Type.Number()),
  unit: nullable(Type.Enum(alertUnits)),
  /** How long the condition must hold (`pendant 5 min`, `for: 5m`). */
  forMinutes: nullable(Type.Number()),
  severity: nullable(Type.String()),
  raw: Type.String(),
  line: Type.Integer({ minimum: 1 }),
});
export type AlertRule = Static<typeof AlertRuleSchema>;

/** `alert-rules`: the alerts written under one title. */
export const AlertRulesDataSchema = Type.Object({ rules: Type.Array(AlertRuleSchema) });
export type AlertRulesData = Static<typeof AlertRulesDataSchema>;

export const templateFormats = ['markdown', 'text'] as const;
export const communicationChannels = ['slack', 'email', 'status-page'] as const;
export type CommunicationChannel = (typeof communicationChannels)[number];

/** `communication-template`: a message to send during an incident, blanks to fill. */
export const CommunicationTemplateDataSchema = Type.Object({
  format: Type.Enum(templateFormats),
  body: Type.String(),
  /** Names of the blanks to fill (`[Titre]` → `Titre`, `{{ nb_impayes }}` → `nb_impayes`, `P[1-3]` as is). */
  placeholders: Type.Array(Type.String()),
  channel: nullable(Type.Enum(communicationChannels)),
  subject: nullable(Type.String()),
});
export type CommunicationTemplateData = Static<typeof CommunicationTemplateDataSchema>;

/** `checklist`: one task list, boxes as ticked in the document. */
export const ChecklistDataSchema = Type.Object({
  items: Type.Array(Type.Object({ text: Type.String(), checked: Type.Boolean(), line: Type.Integer({ minimum: 1 }) })),
});
export type ChecklistData = Static<typeof ChecklistDataSchema>;

/** `postmortem-template`: the document to write after an incident. */
export const PostmortemTemplateDataSchema = Type.Object({
  format: Type.Enum(templateFormats),
  body: Type.String(),
  /** The template's headings, or its bold fields when it has no headings of its own. */
  sections: Type.Array(Type.String()),
  /** Its bold fields (`**Date**:`, `- **Durée** :`). */
  fields: Type.Array(Type.String()),
  placeholders: Type.Array(Type.String()),
});
export type PostmortemTemplateData = Static<typeof PostmortemTemplateDataSchema>;
