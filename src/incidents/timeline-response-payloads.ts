import type { EscalationTarget } from '../oncall/escalation/escalation-policy-model.js';
import type { Urgency } from '../oncall/people/urgency.js';
import type { PostmortemStatus } from '../postmortems/postmortem-model.js';
import type { Severity } from './incident-model.js';

/** An alert as its resolution or acknowledgement by the source names it. */
type AlertRef = { alertId: string; fingerprint: string; title: string };

/** Every notification event names its delivery; `recipient` is null when it has no name. */
export type DeliveryRef = { deliveryId: string; channel: string; kind: string; recipient: string | null };

/** A checklist item, by its 1-based position; `note` stored only when the responder gave one. */
type ItemMark = { checklistId: string; position: number; text: string; note?: string };

/**
 * The payloads of the events the other domains add to an incident's timeline: alerts, runbook
 * suggestions, on-call (escalation, status reminders), notifications, checklists, post-mortems.
 * None changes a field of the incident: the projection passes over them.
 */
export type ResponsePayloads = {
  alert_fired: AlertRef & {
    /** The priority the alert was mapped to; `sourceSeverity` the word the sender used. */
    severity: Severity;
    sourceSeverity: string | null;
    service: string | null;
    /** The integration's name. */
    integration: string;
    labels: Record<string, string>;
    sourceUrl: string | null;
  };
  alert_resolved: AlertRef;
  alert_acknowledged: AlertRef;
  runbook_suggested: { runbookId: string; score: number; matched: string[]; explicit: boolean; alertId: string };
  escalation_started: { policyId: string; policy: string; generation: number; reason: string };
  /** `level` and `cycle` 1-based; `pages`: how many notifications were queued. */
  escalation_level_paged: {
    policyId: string;
    level: number;
    cycle: number;
    generation: number;
    users: { userId: string; via: EscalationTarget }[];
    /** The targets that stood for nobody (a schedule with nobody on call); empty when all paged someone. */
    nobodyOnCall: EscalationTarget[];
    pages: number;
    /** The page's urgency, which chose the rules that sent; absent in events written before urgencies. */
    urgency?: Urgency;
  };
  escalation_stopped: { reason: string; generation: number };
  escalation_exhausted: { generation: number; cycles: number };
  status_update_due: { silentMinutes: number; cadenceMinutes: number; commanderReminded: boolean };
  notification_sent: DeliveryRef & { attempt: number };
  /** Retried (`retryAt`) or given up (`deadLetter`, with the `reason`); no attempt without a key. */
  notification_failed: DeliveryRef & {
    attempt?: number;
    error: string | null;
    retryAt?: string;
    deadLetter?: true;
    reason?: string;
  };
  notification_unknown: DeliveryRef & { note: string };
  checklist_attached: {
    checklistId: string;
    templateId: string | null;
    name: string;
    items: { position: number; text: string }[];
  };
  checklist_item_checked: ItemMark;
  checklist_item_unchecked: ItemMark;
  postmortem_drafted: { timeZone: string; templateDraftId: string | null; replaced: boolean };
  postmortem_status_changed: { from: PostmortemStatus; to: PostmortemStatus };
  postmortem_published: { from: PostmortemStatus; to: PostmortemStatus };
};
