import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { openIncidentsBySeverity } from '../incidents/incident-statements.js';
import { severities } from '../incidents/incident-model.js';
import type { Queryable } from '../storage/database.js';

export interface HttpMetrics {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  duration: Histogram<'method' | 'route'>;
}

/**
 * One registry per app (not prom-client's global one), so that several apps in one process —
 * the tests — do not share counters: the node's (`createNodeMetrics`), or a new one. Open
 * incidents are read at scrape time.
 */
export function createHttpMetrics(db: Queryable, registry: Registry = new Registry()): HttpMetrics {
  collectDefaultMetrics({ register: registry, prefix: 'astreinte_' });
  const requests = new Counter({
    name: 'astreinte_http_requests_total',
    help: 'HTTP requests answered, by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'astreinte_http_request_duration_seconds',
    help: 'HTTP request latency, by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'astreinte_incidents_open',
    help: 'Incidents not resolved, by severity',
    labelNames: ['severity'] as const,
    registers: [registry],
    async collect() {
      const { rows } = await db.query<{ severity: string; open: number }>(openIncidentsBySeverity);
      const counts = new Map(rows.map((row) => [row.severity, row.open]));
      for (const severity of severities) this.set({ severity }, counts.get(severity) ?? 0);
    },
  });
  return { registry, requests, duration };
}
