import { DateTime } from 'luxon';
import { Type, type Static } from 'typebox';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { BucketViewSchema, PeriodViewSchema, roundMs } from './report-model.js';
import { bucketsJson, bucketView, calendarBuckets, checkTimeZone } from './report-period.js';

export const HealthTrendsInput = Type.Object(
  {
    days: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 90, default: 7, description: 'the last N local days, today included' }),
    ),
    timeZone: Type.Optional(
      Type.String({
        maxLength: 64,
        description: 'IANA time zone days are cut in; default UTC',
        examples: ['Europe/Paris'],
      }),
    ),
  },
  { additionalProperties: false },
);
export type HealthTrendsInput = Static<typeof HealthTrendsInput>;

const DayFiguresSchema = Type.Object({
  date: Type.String(),
  incidents: Type.Integer({ description: 'incidents detected that day' }),
  resolved: Type.Integer({ description: 'of those, resolved now' }),
  mttrSeconds: Type.Union([Type.Number(), Type.Null()], { description: 'their mean time to resolve' }),
  alerts: Type.Integer({ description: 'alerts first seen that day' }),
  checks: Type.Integer({ description: 'probe checks in the hours starting that day' }),
  failures: Type.Integer(),
  uptimePercent: Type.Union([Type.Number(), Type.Null()], {
    description: 'passed checks / checks, null without probes',
  }),
});
type DayFigures = Static<typeof DayFiguresSchema>;

export const HealthTrendsReportSchema = Type.Object(
  {
    period: PeriodViewSchema,
    days: Type.Array(BucketViewSchema),
    overall: Type.Array(DayFiguresSchema, { description: 'every service (and incidents with none), per day' }),
    services: Type.Array(
      Type.Object({ serviceId: Type.String(), name: Type.String(), days: Type.Array(DayFiguresSchema) }),
    ),
  },
  { title: 'HealthTrendsReport' },
);
export type HealthTrendsReport = Static<typeof HealthTrendsReportSchema>;

/**
 * Figures per day (`$1` buckets) and service, and per day for everything (`service_id` null):
 * incidents by detection time, their resolution; probe checks by their hourly slot's start;
 * alerts by first arrival. An incident on two services counts for each, once overall.
 */
const selectHealthTrends = `
  WITH days AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS b(idx int, start_at timestamptz, end_at timestamptz)),
  day_incidents AS (
    SELECT d.idx, i.id, i.detected_at, i.resolved_at
      FROM days d JOIN incidents i ON i.detected_at >= d.start_at AND i.detected_at < d.end_at
  ),
  day_checks AS (
    SELECT d.idx, p.service_id, h.checks, h.failures
      FROM days d JOIN probe_hourly h ON h.hour >= d.start_at AND h.hour < d.end_at JOIN probes p ON p.id = h.probe_id
  ),
  day_alerts AS (
    SELECT d.idx, a.service_id FROM days d JOIN alerts a ON a.first_seen_at >= d.start_at AND a.first_seen_at < d.end_at
  )
  SELECT 'incidents' AS kind, x.idx, s.service_id, count(*)::int AS n, count(x.resolved_at)::int AS m,
         avg(extract(epoch FROM x.resolved_at - x.detected_at)::float8) AS mean
    FROM day_incidents x JOIN incident_services s ON s.incident_id = x.id GROUP BY x.idx, s.service_id
  UNION ALL
  SELECT 'incidents', x.idx, NULL, count(*)::int, count(x.resolved_at)::int, avg(extract(epoch FROM x.resolved_at - x.detected_at)::float8)
    FROM day_incidents x GROUP BY x.idx
  UNION ALL
  SELECT 'checks', c.idx, c.service_id, sum(c.checks)::int, sum(c.failures)::int, NULL
    FROM day_checks c WHERE c.service_id IS NOT NULL GROUP BY c.idx, c.service_id
  UNION ALL
  SELECT 'checks', c.idx, NULL, sum(c.checks)::int, sum(c.failures)::int, NULL FROM day_checks c GROUP BY c.idx
  UNION ALL
  SELECT 'alerts', a.idx, a.service_id, count(*)::int, 0, NULL FROM day_alerts a WHERE a.service_id IS NOT NULL GROUP BY a.idx, a.service_id
  UNION ALL
  SELECT 'alerts', a.idx, NULL, count(*)::int, 0, NULL FROM day_alerts a GROUP BY a.idx`;

const selectServices = `SELECT id, name FROM services ORDER BY id`;

interface TrendRow {
  [column: string]: unknown;
  kind: 'incidents' | 'checks' | 'alerts';
  idx: number;
  service_id: string | null;
  n: number;
  m: number;
  mean: number | null;
}

const emptyDay = (date: string): DayFigures => ({
  date,
  incidents: 0,
  resolved: 0,
  mttrSeconds: null,
  alerts: 0,
  checks: 0,
  failures: 0,
  uptimePercent: null,
});

/**
 * The health trend of the last `days` local days (today so far included), per day and per
 * service: incidents and their time to resolve, alerts, and uptime from the probes' hourly
 * figures — what a `health/trends?days=7` endpoint shows, for every service of the catalogue.
 */
export async function reportHealthTrends({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: HealthTrendsInput;
}): Promise<HealthTrendsReport> {
  requireRole(ctx, 'viewer');
  const timeZone = checkTimeZone(input.timeZone);
  const now = ctx.now();
  const from = DateTime.fromJSDate(now, { zone: timeZone })
    .startOf('day')
    .minus({ days: (input.days ?? 7) - 1 })
    .toJSDate();
  const period = { from, to: now, timeZone };
  const days = calendarBuckets(period, 'day');
  const [{ rows }, services] = await Promise.all([
    ctx.db.query<TrendRow>(selectHealthTrends, [bucketsJson(days)]),
    ctx.db.query<{ id: string; name: string }>(selectServices),
  ]);
  const series = new Map<string, DayFigures[]>([['', days.map((day) => emptyDay(day.date))]]);
  for (const service of services.rows)
    series.set(
      service.id,
      days.map((day) => emptyDay(day.date)),
    );
  for (const row of rows) {
    const figures = series.get(row.service_id ?? '')?.[row.idx];
    if (figures === undefined) continue;
    if (row.kind === 'incidents')
      Object.assign(figures, { incidents: row.n, resolved: row.m, mttrSeconds: roundMs(row.mean) });
    else if (row.kind === 'alerts') figures.alerts = row.n;
    else
      Object.assign(figures, {
        checks: row.n,
        failures: row.m,
        uptimePercent: row.n === 0 ? null : Math.round((10_000 * (row.n - row.m)) / row.n) / 100,
      });
  }
  return {
    period: { from: from.toISOString(), to: now.toISOString(), timeZone },
    days: days.map(bucketView),
    overall: series.get('') ?? [],
    services: services.rows.map((service) => ({
      serviceId: service.id,
      name: service.name,
      days: series.get(service.id) ?? [],
    })),
  };
}
