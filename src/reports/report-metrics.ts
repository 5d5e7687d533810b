import { Gauge, type Registry } from 'prom-client';
import { severities } from '../incidents/incident-model.js';
import type { Queryable } from '../storage/database.js';
import { roundMs } from './report-model.js';
import { sqlEventTypes } from '../incidents/timeline-events.js';

/** The window the gauges describe: what a Grafana panel over "the last month" expects. */
const windowMs = 30 * 86_400_000;
/** Scrapes closer together than this share one query: Prometheus may scrape every few seconds. */
export const reportMetricsCacheMs = 60_000;

/**
 * The reports' figures per severity over [$1, $2), in one bounded query (incidents detected in
 * the window; `$2` is also now, for targets still running). Same definitions as the reports.
 */
const selectSeverityFigures = `
  WITH scoped AS (
    SELECT i.severity, i.detected_at, i.resolved_at, p.resolution_target_minutes,
           (SELECT min(e.occurred_at) FROM incident_events e
             WHERE e.incident_id = i.id AND e.type = ${sqlEventTypes('incident_acknowledged')}) AS first_ack_at
      FROM incidents i JOIN severity_policies p ON p.severity = i.severity
     WHERE i.detected_at >= $1 AND i.detected_at < $2
  ),
  timed AS (
    SELECT s.*, extract(epoch FROM s.first_ack_at - s.detected_at)::float8 AS tta,
           extract(epoch FROM s.resolved_at - s.detected_at)::float8 AS ttr,
           s.detected_at + make_interval(mins => s.resolution_target_minutes) AS due_at
      FROM scoped s
  )
  SELECT severity, count(*)::int AS incidents,
         avg(tta) AS mtta_mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY tta) AS mtta_p50, percentile_cont(0.9) WITHIN GROUP (ORDER BY tta) AS mtta_p90,
         avg(ttr) AS mttr_mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY ttr) AS mttr_p50, percentile_cont(0.9) WITHIN GROUP (ORDER BY ttr) AS mttr_p90,
         count(*) FILTER (WHERE resolved_at IS NOT NULL AND resolved_at <= due_at)::int AS within_target,
         count(*) FILTER (WHERE coalesce(resolved_at, $2) > due_at)::int AS missed_target
    FROM timed GROUP BY severity`;

/** A row of `selectSeverityFigures`. */
export interface SeverityFigures {
  [column: string]: unknown;
  severity: string;
  incidents: number;
  mtta_mean: number | null;
  mtta_p50: number | null;
  mtta_p90: number | null;
  mttr_mean: number | null;
  mttr_p50: number | null;
  mttr_p90: number | null;
  within_target: number;
  missed_target: number;
}

/**
 * Adds the reports' gauges to `registry`, read from `db` at scrape time (at most once a minute):
 * `astreinte_mtta_seconds` and `astreinte_mttr_seconds` {severity, statistic=mean|p50|p90},
 * `astreinte_incidents_last_30_days` {severity} and
 * `astreinte_incidents_resolved_within_target_ratio` {severity}, all over the last 30 days.
 * A series without data (no incident acknowledged…) is left out rather than exported as 0.
 */
export function registerReportMetrics(registry: Registry, db: Queryable, now: () => Date = () => new Date()): void {
  let cached: { at: number; figures: Promise<SeverityFigures[]> } | null = null;
  const load = (): Promise<SeverityFigures[]> => {
    const at = now().getTime();
    if (cached === null || at - cached.at >= reportMetricsCacheMs || at < cached.at) {
      const figures = db
        .query<SeverityFigures>(selectSeverityFigures, [new Date(at - windowMs), new Date(at)])
        .then((result) => result.rows);
      // A failed query is not kept: the next scrape tries again.
      const entry = { at, figures };
      figures.catch(() => {
        if (cached === entry) cached = null;
      });
      cached = entry;
    }
    return cached.figures;
  };
  const durations = (name: string, help: string, prefix: 'mtta' | 'mttr') =>
    new Gauge({
      name,
      help,
      labelNames: ['severity', 'statistic'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const row of await load()) {
          for (const statistic of ['mean', 'p50', 'p90'] as const) {
            const value = roundMs(row[`${prefix}_${statistic}`]);
            if (value !== null) this.set({ severity: row.severity, statistic }, value);
          }
        }
      },
    });
  durations(
    'astreinte_mtta_seconds',
    'Time from detection to first acknowledgment of incidents detected in the last 30 days, by severity (mean, p50, p90)',
    'mtta',
  );
  durations(
    'astreinte_mttr_seconds',
    'Time from detection to resolution of incidents detected in the last 30 days, by severity (mean, p50, p90)',
    'mttr',
  );
  new Gauge({
    name: 'astreinte_incidents_last_30_days',
    help: 'Incidents detected in the last 30 days, by severity',
    labelNames: ['severity'] as const,
    registers: [registry],
    async collect() {
      const counts = new Map((await load()).map((row) => [row.severity, row.incidents]));
      for (const severity of severities) this.set({ severity }, counts.get(severity) ?? 0);
    },
  });
  new Gauge({
    name: 'astreinte_incidents_resolved_within_target_ratio',
    help: 'Share of incidents detected in the last 30 days resolved within their severity target (resolved late or open past it count as missed), by severity',
    labelNames: ['severity'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await load()) {
        const measured = row.within_target + row.missed_target;
        if (measured > 0) this.set({ severity: row.severity }, row.within_target / measured);
      }
    },
  });
}
