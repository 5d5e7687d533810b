/**
 * What the services and on-call pages read from the API. The server's own types where they are
 * plain schemas (imported as types only: erased from the bundle); probes' are written here, as
 * their schema lives with their routes.
 */
export type {
  HealthReason,
  ServiceHealth,
  ServiceOnCall,
  ServiceSummary,
} from '../../../src/services/service-summary-model.js';
export type { ScheduleOnCall } from '../../../src/oncall/schedules-store/list-on-call-now.js';
export type { EscalationPolicy, EscalationTarget } from '../../../src/oncall/escalation/escalation-policy-model.js';

/** A probe as `GET /api/v1/probes` lists it (the fields these pages read). */
export interface ProbeView {
  id: string;
  name: string;
  kind: string;
  status: 'unknown' | 'up' | 'pending' | 'down' | 'flapping';
  enabled: boolean;
  intervalSeconds: number;
  lastCheckedAt: string | null;
  lastResult: { success: boolean; latencyMs: number; detail: string | null } | null;
}

/** One window of `GET /api/v1/probes/{id}/uptime`. */
export interface UptimeWindow {
  window: '24h' | '7d' | '30d' | '90d';
  checks: number;
  failures: number;
  uptimePercent: number | null;
  averageLatencyMs: number | null;
  maxLatencyMs: number | null;
}

/** The names escalation targets are shown with (users, schedules, teams by id). */
export interface NameDirectory {
  users: ReadonlyMap<string, string>;
  schedules: ReadonlyMap<string, string>;
  teams: ReadonlyMap<string, string>;
}
