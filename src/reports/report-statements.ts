import { sqlEventTypes } from '../incidents/timeline-events.js';

/**
 * SQL shared by the incident reports. An incident belongs to a period by its detection time.
 * `$1` from (included), `$2` to (excluded), `$3` the grouping: `severity`, `service` (an incident
 * counts once per affected service; none → key null) or `team` (once per team owning one of its
 * services; none → key null).
 *
 * Time to acknowledge is measured to the FIRST `incident_acknowledged` event of the timeline (the
 * row's `acknowledged_at` is cleared by a reopen); time to resolve to the row's `resolved_at`, the
 * last resolution, so a reopened incident counts its whole life. Both from `detected_at`.
 */
export const groupedIncidentsCte = `
  WITH scoped AS (
    SELECT i.id, i.severity, i.status, i.detected_at, i.resolved_at, p.resolution_target_minutes,
           (SELECT min(e.occurred_at) FROM incident_events e
             WHERE e.incident_id = i.id AND e.type = ${sqlEventTypes('incident_acknowledged')}) AS first_ack_at
      FROM incidents i
      JOIN severity_policies p ON p.severity = i.severity
     WHERE i.detected_at >= $1 AND i.detected_at < $2
  ),
  keyed AS (
    SELECT sc.*, k.group_key
      FROM scoped sc
     CROSS JOIN LATERAL (
       SELECT sc.severity AS group_key WHERE $3::text = 'severity'
       UNION ALL
       SELECT s.service_id FROM incident_services s WHERE $3::text = 'service' AND s.incident_id = sc.id
       UNION ALL
       SELECT NULL WHERE $3::text = 'service' AND NOT EXISTS (SELECT 1 FROM incident_services s WHERE s.incident_id = sc.id)
       UNION ALL
       SELECT t.team_id FROM (
         SELECT DISTINCT sv.owner_team_id AS team_id
           FROM incident_services s JOIN services sv ON sv.id = s.service_id
          WHERE $3::text = 'team' AND s.incident_id = sc.id AND sv.owner_team_id IS NOT NULL
       ) t
       UNION ALL
       SELECT NULL WHERE $3::text = 'team' AND NOT EXISTS (
         SELECT 1 FROM incident_services s JOIN services sv ON sv.id = s.service_id
          WHERE s.incident_id = sc.id AND sv.owner_team_id IS NOT NULL)
     ) k
  )`;

/** The display name of a group key (a severity's policy name, a service's or a team's name). */
export const groupNameExpression = `
  CASE $3::text
    WHEN 'service' THEN (SELECT sv.name FROM services sv WHERE sv.id = group_key)
    WHEN 'team' THEN (SELECT tm.name FROM teams tm WHERE tm.id = group_key)
    ELSE (SELECT p.name FROM severity_policies p WHERE p.severity = group_key)
  END`;

/** Seconds between two timestamptz, as float8 (percentile_cont and pg both want float8, not numeric). */
export const secondsBetween = (later: string, earlier: string): string =>
  `extract(epoch FROM ${later} - ${earlier})::float8`;
