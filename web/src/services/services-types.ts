/**
 * What the services and on-call pages read from the API: the server's own types, imported as
 * types only (erased from the bundle), so the pages cannot drift from what the API answers.
 */
export type {
  HealthReason,
  ServiceHealth,
  ServiceOnCall,
  ServiceSummary,
} from '../../../src/services/service-summary-model.js';
export type { ScheduleOnCall } from '../../../src/oncall/schedules-store/list-on-call-now.js';
export type { EscalationPolicy, EscalationTarget } from '../../../src/oncall/escalation/escalation-policy-model.js';
export type { Probe } from '../../../src/probes/probe-view.js';
export type { UptimeWindow } from '../../../src/probes/probe-history.js';

/** The names escalation targets are shown with (users, schedules, teams by id). */
export interface NameDirectory {
  users: ReadonlyMap<string, string>;
  schedules: ReadonlyMap<string, string>;
  teams: ReadonlyMap<string, string>;
}
export type { Service } from '../../../src/services/service-model.js';
