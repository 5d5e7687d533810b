/**
 * The shapes the console reads from the API: incidents and timeline events are the server's own
 * types (imported as types only); the session's are written here.
 */

export const severities = ['P1', 'P2', 'P3', 'P4'] as const;
export type Severity = (typeof severities)[number];

export const incidentStatuses = ['triggered', 'acknowledged', 'mitigated', 'resolved'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];
export const openStatuses: readonly IncidentStatus[] = ['triggered', 'acknowledged', 'mitigated'];

export const lifecycleActions = ['acknowledge', 'mitigate', 'resolve', 'reopen'] as const;
export type LifecycleAction = (typeof lifecycleActions)[number];

export const statusUpdatePhases = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type StatusUpdatePhase = (typeof statusUpdatePhases)[number];

export type Role = 'viewer' | 'responder' | 'admin';

/** The people an incident gives a part to (the server's `incidentRoles`). */
export const incidentRoles = ['commander', 'communications', 'operations', 'scribe'] as const;
export type IncidentRole = (typeof incidentRoles)[number];

export interface SessionUser {
  id: string;
  /** `/auth/session` leaves it out; `/auth/sign-in` gives it. */
  username?: string;
  name: string;
  /** A `Role` for a person; kept a string, as the server may name others. */
  role: string;
}

export interface Session {
  csrfToken: string;
  expiresAt?: string;
  user: SessionUser;
}

// Type-only: erased from the bundle, so no server code (nor TypeBox) reaches the browser, and the
// console cannot drift from the schemas the server answers with.
import type { Incident } from '../../src/incidents/incident-model.js';

export type { Incident, TimelineEvent } from '../../src/incidents/incident-model.js';
export type { TimelineEventOf } from '../../src/incidents/timeline-events.js';

export interface Paged<T> {
  items: T[];
  total: number;
}

/** Whether a user may work incidents: viewers only read (the server answers 403 anyway). */
export function canRespond(user: SessionUser): boolean {
  return user.role === 'responder' || user.role === 'admin';
}

/**
 * Overdue now, not only when the server last sent the incident: an incident streamed an hour ago
 * may have passed its resolution target since, without any change that would resend it.
 */
export function isOverdue(incident: Incident, now: number): boolean {
  if (incident.overdue) return true;
  if (incident.resolutionDueAt === null || incident.resolvedAt !== null) return false;
  return now > Date.parse(incident.resolutionDueAt);
}

/** A service as the pickers offer it (the incidents filter, the declare form): the two fields they read. */
export interface ServiceChoice {
  id: string;
  name: string;
}
