import type { IncidentRole, IncidentStatus, Severity } from './incident-model.js';
import type { statusUpdatePhases } from './post-status-update.js';

/** A field as it was and as it became. */
type FieldChange<T> = { from: T; to: T };

/** A lifecycle move; `note` is the responder's why, stored only when given. */
type StatusMove = { from: IncidentStatus; to: IncidentStatus; note?: string };

/** An edit's why, stored only when the editor gave one. */
type Why = { reason?: string };

/**
 * The payloads of the incident's own events: the ones `projectTimeline` replays into the row
 * (declared, lifecycle, edits, roles) and the words responders add (notes, status updates).
 * Type aliases, not interfaces: an alias is assignable to the API schema's open record.
 */
export type IncidentPayloads = {
  incident_declared: {
    title: string;
    summary: string;
    impact: string;
    severity: Severity;
    labels: Record<string, string>;
    status: 'triggered';
    /** Sorted. */
    services: string[];
    detectedAt: string;
  };
  incident_acknowledged: StatusMove;
  incident_mitigated: StatusMove;
  incident_resolved: StatusMove;
  incident_reopened: StatusMove;
  /** Only the fields that changed. */
  incident_updated: { changes: IncidentChanges } & Why;
  severity_changed: FieldChange<Severity> & Why;
  /** `services` is the whole new list, sorted; `added` and `removed` the difference. */
  services_changed: { added: string[]; removed: string[]; services: string[] } & Why;
  note_added: { text: string };
  status_update_posted: { message: string; phase: (typeof statusUpdatePhases)[number]; public: boolean };
  /** `previous`: the user id that held the role, null when nobody did. */
  role_assigned: { role: IncidentRole; userId: string; name: string; previous: string | null };
  role_unassigned: { role: IncidentRole; userId: string };
};

/** The fields an edit changed, each as it was and as it became. */
export type IncidentChanges = {
  title?: FieldChange<string>;
  summary?: FieldChange<string>;
  impact?: FieldChange<string>;
  labels?: FieldChange<Record<string, string>>;
};
