import { Counter, Histogram, Registry } from 'prom-client';
import { registerInboxMetrics } from '../alerts/pipeline/inbox-metrics.js';
import type { Queryable } from '../storage/database.js';

/**
 * What a node says of its own work, named like Alertmanager's metrics so that the same alerts
 * can watch both. Counters and histograms count this node's work only (a cluster is the sum of
 * its nodes); the inbox gauges are read from the database at scrape time and are the cluster's.
 */
export interface NodeMetrics {
  /** One per app (not prom-client's global registry): a process may hold several apps (tests). */
  registry: Registry;
  alertsReceived: Counter<'integration' | 'kind'>;
  alertsInvalid: Counter<'integration' | 'kind'>;
  alertsRejected: Counter<'integration' | 'kind' | 'reason'>;
  alertsProcessed: Counter;
  notifications: Counter<'channel'>;
  notificationsFailed: Counter<'channel'>;
  notificationLatency: Histogram<'channel'>;
  stepExecutions: Counter<'outcome'>;
  probeLateness: Histogram;
  timerLag: Histogram<'kind'>;
  watchdogPings: Counter<'outcome'>;
}

// From a millisecond to a minute: a page or a timer later than that is an outage, not a lag.
const delayBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const thisNode = '(this node)';

/** Creates a node's registry with every metric of its work (HTTP metrics are added by the app). */
export function createNodeMetrics(db: Queryable): NodeMetrics {
  const registry = new Registry();
  const registers = [registry];
  registerInboxMetrics(registry, db);
  return {
    registry,
    alertsReceived: new Counter({
      name: 'astreinte_alerts_received_total',
      help: `Alerts accepted (committed, then answered 2xx), by integration and kind ${thisNode}`,
      labelNames: ['integration', 'kind'] as const,
      registers,
    }),
    alertsInvalid: new Counter({
      name: 'astreinte_alerts_invalid_total',
      help: `Alerts refused as invalid (the request answered 400, nothing of it stored), by integration and kind ${thisNode}`,
      labelNames: ['integration', 'kind'] as const,
      registers,
    }),
    alertsRejected: new Counter({
      name: 'astreinte_alerts_rejected_total',
      help: `Alerts refused because the node cannot keep up (429 with Retry-After, nothing stored; senders retry), by integration, kind and reason (inbox_age, inbox_depth) ${thisNode}`,
      labelNames: ['integration', 'kind', 'reason'] as const,
      registers,
    }),
    alertsProcessed: new Counter({
      name: 'astreinte_alerts_processed_total',
      help: `Alerts handled for good: deduplicated, grouped, attached to incidents ${thisNode}`,
      registers,
    }),
    notifications: new Counter({
      name: 'astreinte_notifications_total',
      help: `Notification attempts, by channel kind ${thisNode}`,
      labelNames: ['channel'] as const,
      registers,
    }),
    notificationsFailed: new Counter({
      name: 'astreinte_notifications_failed_total',
      help: `Notification attempts that failed (retried later or dead-lettered), by channel kind ${thisNode}`,
      labelNames: ['channel'] as const,
      registers,
    }),
    notificationLatency: new Histogram({
      name: 'astreinte_notification_latency_seconds',
      help: `From an incident's opening to its first-level page sent, by channel kind ${thisNode}`,
      labelNames: ['channel'] as const,
      buckets: delayBuckets,
      registers,
    }),
    stepExecutions: new Counter({
      name: 'astreinte_step_executions_total',
      help: `Runbook step executions ended, by outcome ${thisNode}`,
      labelNames: ['outcome'] as const,
      registers,
    }),
    probeLateness: new Histogram({
      name: 'astreinte_probe_check_lateness_seconds',
      help: `How late a probe check started after its slot ${thisNode}`,
      buckets: delayBuckets,
      registers,
    }),
    timerLag: new Histogram({
      name: 'astreinte_timer_lag_seconds',
      help: `How late a timer (escalation, page, reminder) ran after it was due, by kind ${thisNode}`,
      labelNames: ['kind'] as const,
      buckets: delayBuckets,
      registers,
    }),
    watchdogPings: new Counter({
      name: 'astreinte_watchdog_pings_total',
      help: `Watchdog heartbeats sent, by outcome (sent, failed) ${thisNode}`,
      labelNames: ['outcome'] as const,
      registers,
    }),
  };
}
