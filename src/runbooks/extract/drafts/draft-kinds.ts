import type { Static, TSchema } from 'typebox';
import type { Draft, SectionKind } from '../../runbook-model.js';
import type { OutlineNode } from '../build-outline.js';
import { extractAlertRules } from './alert-rules.js';
import { extractChecklists } from './checklists.js';
import { extractCommunicationTemplates } from './communication-templates.js';
import { extractContacts } from './contacts.js';
import {
  AlertRulesDataSchema,
  ChecklistDataSchema,
  CommunicationTemplateDataSchema,
  ContactsDataSchema,
  EscalationPolicyDataSchema,
  PostmortemTemplateDataSchema,
  SeverityClassesDataSchema,
} from './draft-data.js';
import { extractEscalationPolicies } from './escalation-policy.js';
import { extractPostmortemTemplates } from './postmortem-templates.js';
import { extractSeverityClasses } from './severity-classes.js';

/** Everything that differs between two kinds of draft; the rest of the code reads it from `draftKindTable`. */
export interface DraftKindDefinition {
  /** The schema of the draft's `data`, checked before it is stored or adopted. */
  data: TSchema;
  /** Reads the drafts of this kind anywhere in a document's outline (`text` gives bodies as written). */
  extract: (outline: OutlineNode, text: string) => Draft[];
  /** Words that make a heading (normalised, accents and numbering gone) name this kind, at its start. */
  title: RegExp;
  /** What a heading of this kind becomes inside an incident runbook, as a section of it. */
  section: SectionKind;
  /** A template's lists and code are its text (kept whole), not steps to run. */
  template: boolean;
  /** How an error names a draft of this kind (`notFound('alert rules draft', id)`). */
  noun: string;
}

/**
 * The draft kinds, one row each. The order is the order drafts come in when they start on the
 * same line. Titles are anchored at their start and no two rows share a first word, so at most
 * one row's title matches a heading. The console's label of a kind is `runbooks.draft.<kind>`
 * in `web/src/runbooks/runbooks-strings.ts` (its type makes a missing one a compile error).
 */
export const draftKindTable = {
  'severity-classes': {
    data: SeverityClassesDataSchema,
    extract: extractSeverityClasses,
    title:
      /^(classification|severit|niveaux? de (gravite|severite|priorite)|priorit|severity (levels|classes)|incident (levels|classes|severity))/,
    section: 'notes',
    template: false,
    noun: 'severity classes draft',
  },
  'escalation-policy': {
    data: EscalationPolicyDataSchema,
    extract: extractEscalationPolicies,
    title: /^(escalad|escalat|matrice d escalade)/,
    section: 'escalation',
    template: false,
    noun: 'escalation policy draft',
  },
  contacts: {
    data: ContactsDataSchema,
    extract: extractContacts,
    title: /^(contacts?\b|annuaire|on ?call contacts|points? de contact|vendors|fournisseurs)/,
    section: 'escalation',
    template: false,
    noun: 'contacts draft',
  },
  'alert-rules': {
    data: AlertRulesDataSchema,
    extract: extractAlertRules,
    title: /^(alert|metriques|metrics|monitoring|seuils|thresholds|sla\b|slo\b)/,
    section: 'prevention',
    template: false,
    noun: 'alert rules draft',
  },
  'communication-template': {
    data: CommunicationTemplateDataSchema,
    extract: extractCommunicationTemplates,
    title:
      /^((templates?|modeles?) (de |d )?(communication|message|email|mail|notification)|communication templates?|email template)/,
    section: 'communication',
    template: true,
    noun: 'communication template draft',
  },
  checklist: {
    data: ChecklistDataSchema,
    extract: extractChecklists,
    title: /^(checklists?\b|check list|liste de controle|liste de verification)/,
    section: 'notes',
    template: true,
    noun: 'checklist draft',
  },
  'postmortem-template': {
    data: PostmortemTemplateDataSchema,
    extract: extractPostmortemTemplates,
    title: /^(post ?mortem|retex|retour d experience|rca template|incident review)/,
    section: 'notes',
    template: true,
    noun: 'post-mortem template draft',
  },
} as const satisfies Record<string, DraftKindDefinition>;

/** A kind of incident-process part found around runbooks: a key of `draftKindTable`. */
export type DraftKind = keyof typeof draftKindTable;

/** The kinds in table order, for API enums (`Type.Enum(draftKindNames)`) and loops. */
export const draftKindNames = Object.keys(draftKindTable) as DraftKind[];

/** The `data` of a draft of kind `K`, as its row's schema types it. */
export type DraftData<K extends DraftKind> = Static<(typeof draftKindTable)[K]['data']>;
