import { Type, type Static } from 'typebox';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { BucketViewSchema, PeriodViewSchema, ratio } from './report-model.js';
import { bucketsJson, bucketView, calendarBuckets, periodFields, resolvePeriod } from './report-period.js';
import { sqlEventTypes, timelineEventTypes } from '../incidents/timeline-events.js';

export const alertNoiseGroupings = ['name', 'fingerprint'] as const;

/** A person running a runbook's steps is working the incident: every run, step and section-run event. */
const runEventTypes = timelineEventTypes.filter((type) => /^(run|step|section_run)_/.test(type));

export const AlertNoiseInput = Type.Object(
  {
    ...periodFields,
    by: Type.Optional(
      Type.Enum(alertNoiseGroupings, {
        description: 'rank alert names (`alertname` label, else title) or single fingerprints; default name',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
  },
  { additionalProperties: false },
);
export type AlertNoiseInput = Static<typeof AlertNoiseInput>;

const VolumeSchema = Type.Object({
  alerts: Type.Integer({ description: 'alerts (firing episodes) first seen in the period' }),
  events: Type.Integer({ description: 'notifications received for them, repeats included' }),
  suppressed: Type.Integer({ description: 'muted by a silence, maintenance window or inhibition' }),
  withIncident: Type.Integer({ description: 'fed an incident' }),
  withoutAction: Type.Integer({ description: 'never led to action (see the README, "Reports")' }),
  withoutActionRatio: Type.Union([Type.Number(), Type.Null()]),
});

const NoisyAlertSchema = Type.Object({
  name: Type.String(),
  fingerprint: Type.Union([Type.String(), Type.Null()], { description: 'with by=fingerprint' }),
  title: Type.String({ description: 'the latest title seen' }),
  alerts: Type.Integer(),
  events: Type.Integer(),
  fingerprints: Type.Integer(),
  incidents: Type.Integer(),
  withoutAction: Type.Integer(),
  withoutActionRatio: Type.Union([Type.Number(), Type.Null()]),
  lastSeenAt: Type.String({ format: 'date-time' }),
});

export const AlertNoiseReportSchema = Type.Object(
  {
    period: PeriodViewSchema,
    by: Type.Enum(alertNoiseGroupings),
    volume: VolumeSchema,
    weeks: Type.Array(
      Type.Object({ ...BucketViewSchema.properties, alerts: Type.Integer(), withoutAction: Type.Integer() }),
    ),
    noisiest: Type.Array(NoisyAlertSchema),
  },
  { title: 'AlertNoiseReport' },
);
export type AlertNoiseReport = Static<typeof AlertNoiseReportSchema>;

/**
 * Alerts first seen in [$1, $2), each with `led_to_action`. An alert led to action when it fed an
 * incident that a person (timeline actor type `user`) worked on: wrote a note, posted a status
 * update, mitigated it, or ran a runbook or a step in it (`run_*`, `step_*`, `section_run_*`
 * events); or acknowledged it without it then resolving by itself. Everything else never led to
 * action: muted alerts and alerts that fed no incident; incidents nobody acknowledged (closed by
 * a person with nothing else done, or resolved by their integration); incidents acknowledged
 * and then resolved by themselves with no note, step or status update.
 */
const classifiedAlertsCte = `
  WITH scoped AS (
    SELECT a.id, a.fingerprint, a.title, coalesce(a.labels->>'alertname', a.title) AS name, a.event_count,
           a.incident_id, a.suppressed IS NOT NULL AS suppressed, a.first_seen_at, a.last_seen_at
      FROM alerts a
     WHERE a.first_seen_at >= $1 AND a.first_seen_at < $2
  ),
  incident_work AS (
    SELECT i.id,
           EXISTS (SELECT 1 FROM incident_events e
                    WHERE e.incident_id = i.id AND e.actor_type = 'user'
                      AND (e.type IN (${sqlEventTypes('note_added', 'status_update_posted', 'incident_mitigated')})
                           OR e.type IN (${sqlEventTypes(...runEventTypes)}))) AS worked,
           EXISTS (SELECT 1 FROM incident_events e
                    WHERE e.incident_id = i.id AND e.actor_type = 'user' AND e.type = ${sqlEventTypes('incident_acknowledged')}) AS acked_by_person,
           i.status = 'resolved' AND coalesce((SELECT e.actor_type FROM incident_events e
                                                WHERE e.incident_id = i.id AND e.type = ${sqlEventTypes('incident_resolved')}
                                                ORDER BY e.seq DESC LIMIT 1), 'system') <> 'user' AS resolved_by_itself
      FROM incidents i
     WHERE i.id IN (SELECT incident_id FROM scoped WHERE incident_id IS NOT NULL)
  ),
  classified AS (
    SELECT s.*, coalesce(w.worked OR (w.acked_by_person AND NOT w.resolved_by_itself), false) AS led_to_action
      FROM scoped s LEFT JOIN incident_work w ON w.id = s.incident_id
  )`;

const selectVolume = `${classifiedAlertsCte}
  SELECT count(*)::int AS alerts, coalesce(sum(event_count), 0)::int AS events,
         count(*) FILTER (WHERE suppressed)::int AS suppressed,
         count(incident_id)::int AS with_incident,
         count(*) FILTER (WHERE NOT led_to_action)::int AS without_action
    FROM classified`;

// `$3` the weeks (see report-period.ts).
const selectWeeklyVolume = `${classifiedAlertsCte}
  SELECT b.idx, count(c.id)::int AS alerts, count(c.id) FILTER (WHERE NOT c.led_to_action)::int AS without_action
    FROM jsonb_to_recordset($3::jsonb) AS b(idx int, start_at timestamptz, end_at timestamptz)
    LEFT JOIN classified c ON c.first_seen_at >= b.start_at AND c.first_seen_at < b.end_at
   GROUP BY b.idx ORDER BY b.idx`;

// `$3` 'name' or 'fingerprint', `$4` the limit. Ranked by alerts that led nowhere, then volume.
const selectNoisiest = `${classifiedAlertsCte}
  SELECT name, CASE WHEN $3::text = 'fingerprint' THEN fingerprint END AS fingerprint,
         (array_agg(title ORDER BY last_seen_at DESC))[1] AS title,
         count(*)::int AS alerts, sum(event_count)::int AS events,
         count(DISTINCT fingerprint)::int AS fingerprints, count(DISTINCT incident_id)::int AS incidents,
         count(*) FILTER (WHERE NOT led_to_action)::int AS without_action, max(last_seen_at) AS last_seen_at
    FROM classified
   GROUP BY name, CASE WHEN $3::text = 'fingerprint' THEN fingerprint END
   ORDER BY without_action DESC, events DESC, alerts DESC, name, fingerprint
   LIMIT $4`;

interface VolumeRow {
  [column: string]: unknown;
  alerts: number;
  events: number;
  suppressed: number;
  with_incident: number;
  without_action: number;
}
interface WeekRow {
  [column: string]: unknown;
  idx: number;
  alerts: number;
  without_action: number;
}
interface NoisyRow {
  [column: string]: unknown;
  name: string;
  fingerprint: string | null;
  title: string;
  alerts: number;
  events: number;
  fingerprints: number;
  incidents: number;
  without_action: number;
  last_seen_at: Date;
}

/**
 * Alert volume in the period (alerts, repeats, muted, fed an incident, never led to action), per
 * week in the requested zone, and the noisiest alert names or fingerprints: those that most
 * often never led to action.
 */
export async function reportAlertNoise({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: AlertNoiseInput;
}): Promise<AlertNoiseReport> {
  requireRole(ctx, 'viewer');
  const period = resolvePeriod(input, ctx.now());
  const by = input.by ?? 'name';
  const weeks = calendarBuckets(period, 'week');
  const range = [period.from, period.to];
  const [volume, weekly, noisiest] = await Promise.all([
    ctx.db.query<VolumeRow>(selectVolume, range),
    ctx.db.query<WeekRow>(selectWeeklyVolume, [...range, bucketsJson(weeks)]),
    ctx.db.query<NoisyRow>(selectNoisiest, [...range, by, input.limit ?? 10]),
  ]);
  const totals = volume.rows[0] ?? { alerts: 0, events: 0, suppressed: 0, with_incident: 0, without_action: 0 };
  const byIdx = new Map(weekly.rows.map((row) => [row.idx, row]));
  return {
    period: { from: period.from.toISOString(), to: period.to.toISOString(), timeZone: period.timeZone },
    by,
    volume: {
      alerts: totals.alerts,
      events: totals.events,
      suppressed: totals.suppressed,
      withIncident: totals.with_incident,
      withoutAction: totals.without_action,
      withoutActionRatio: ratio(totals.without_action, totals.alerts),
    },
    weeks: weeks.map((week, idx) => ({
      ...bucketView(week),
      alerts: byIdx.get(idx)?.alerts ?? 0,
      withoutAction: byIdx.get(idx)?.without_action ?? 0,
    })),
    noisiest: noisiest.rows.map((row) => ({
      name: row.name,
      fingerprint: row.fingerprint,
      title: row.title,
      alerts: row.alerts,
      events: row.events,
      fingerprints: row.fingerprints,
      incidents: row.incidents,
      withoutAction: row.without_action,
      withoutActionRatio: ratio(row.without_action, row.alerts),
      lastSeenAt: row.last_seen_at.toISOString(),
    })),
  };
}
