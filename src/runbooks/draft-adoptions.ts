import { adoptChecklistDraft } from '../checklists/adopt-checklist-draft.js';
import type { Ctx } from '../core/context.js';
import { adoptPostmortemTemplate } from '../postmortems/adopt-postmortem-template.js';
import { adoptSeverityClassesDraft } from '../severity/adopt-severity-classes-draft.js';
import { adoptContactsDraft } from '../users/adopt-contacts-draft.js';
import type { AdoptDraftInput, DraftAdoption } from './draft-adoption.js';
import type { DraftKind } from './extract/drafts/draft-kinds.js';

/** How a draft of one kind is adopted: where, and (when the draft alone suffices) the adopting verb. */
export interface DraftAdoptionDefinition {
  /** The POST that adopts a draft of this kind (`{id}` is the new thing's id where the path names it). */
  endpoint: string;
  /**
   * The verb adopting from the draft alone, with `dryRun` for a preview; null for kinds whose
   * adoption asks what the document cannot say (escalation targets, a message's channel, the
   * service and Prometheus of probes); the console asks them in a form, previewed by the alert
   * rules' and message templates' own `dryRun` (the probes' needs the server's default Prometheus).
   */
  adopt: ((args: { ctx: Ctx; input: AdoptDraftInput }) => Promise<DraftAdoption>) | null;
}

/**
 * The receiving side of `draftKindTable`, one row per kind: a second table because extracting
 * drafts (on every import) must not load the domains that adopt them. `satisfies Record<DraftKind, …>`:
 * a kind added there and not here is a type error.
 */
export const draftAdoptionTable = {
  'severity-classes': { endpoint: '/api/v1/severity-policies/adopt', adopt: adoptSeverityClassesDraft },
  'escalation-policy': { endpoint: '/api/v1/escalation-policies/{id}/adopt', adopt: null },
  contacts: { endpoint: '/api/v1/users/adopt', adopt: adoptContactsDraft },
  'alert-rules': { endpoint: '/api/v1/probes/from-draft', adopt: null },
  'communication-template': { endpoint: '/api/v1/notification-templates/adopt', adopt: null },
  checklist: { endpoint: '/api/v1/checklist-templates/adopt', adopt: adoptChecklistDraft },
  'postmortem-template': { endpoint: '/api/v1/postmortem-templates/adopt', adopt: adoptPostmortemTemplate },
} as const satisfies Record<DraftKind, DraftAdoptionDefinition>;
