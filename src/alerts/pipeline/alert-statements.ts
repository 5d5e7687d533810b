/**
 * The statements of one ingest flush. Each takes every alert of the flush as one JSON array
 * (one round trip whatever the batch), and the partial unique index on firing alerts is what
 * makes a repeat an update.
 */

/**
 * The firing rows of the flush's triggers ($1 integration ids, $2 fingerprints; `n` is the 1-based
 * position of the key found): whether each is stored, and in an incident, decides whether it
 * pages before the upsert writes it. One index look-up per key (a join would hash every firing
 * alert).
 */
export const selectFiringAlerts = `
  SELECT k.n, a.incident_id
    FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS k(integration_id, fingerprint, n),
         LATERAL (SELECT a.incident_id FROM alerts a
                   WHERE a.integration_id = k.integration_id AND a.fingerprint = k.fingerprint AND a.status = 'firing'
                   LIMIT 1) AS a`;

/**
 * The same, locking the rows in key order (the upsert's; the ordered subquery is the loop's
 * outer side): with other sessions, a firing row read here cannot be resolved before the upsert
 * repeats it, so what was read of it holds until commit.
 */
export const lockFiringAlerts = `
  SELECT k.n, a.incident_id
    FROM (SELECT * FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS k(integration_id, fingerprint, n)
           ORDER BY integration_id, fingerprint) AS k,
         LATERAL (SELECT a.incident_id FROM alerts a
                   WHERE a.integration_id = k.integration_id AND a.fingerprint = k.fingerprint AND a.status = 'firing'
                   LIMIT 1 FOR UPDATE) AS a`;

/**
 * New firing alerts, and repeats of firing ones (count and last seen grow, content is the latest).
 * A new alert is inserted with its incident (null when it does not page): each is written once.
 * A repeat keeps the incident it has, or takes the one given when it had none (it pages now).
 */
export const upsertFiringAlerts = `
  INSERT INTO alerts (integration_id, fingerprint, status, title, severity, source_severity, service_id, labels, annotations,
                      source_url, starts_at, ends_at, first_seen_at, last_seen_at, event_count, group_key, suppressed,
                      incident_id)
  SELECT a.integration_id, a.fingerprint, 'firing', a.title, a.severity, a.source_severity, a.service_id, a.labels, a.annotations,
         a.source_url, a.starts_at, a.ends_at, $1::timestamptz, $1::timestamptz, a.count, a.group_key, a.suppressed,
         a.incident_id
    FROM jsonb_to_recordset($2::jsonb) AS a(integration_id uuid, fingerprint text, title text, severity text, source_severity text,
         service_id text, labels jsonb, annotations jsonb, source_url text, starts_at timestamptz, ends_at timestamptz, count int,
         group_key text, suppressed jsonb, incident_id text)
   ORDER BY a.integration_id, a.fingerprint
  ON CONFLICT (integration_id, fingerprint) WHERE status = 'firing' DO UPDATE
     SET title = EXCLUDED.title, severity = EXCLUDED.severity, source_severity = EXCLUDED.source_severity,
         service_id = EXCLUDED.service_id, labels = EXCLUDED.labels, annotations = EXCLUDED.annotations,
         source_url = EXCLUDED.source_url, ends_at = EXCLUDED.ends_at, last_seen_at = EXCLUDED.last_seen_at,
         event_count = alerts.event_count + EXCLUDED.event_count, suppressed = EXCLUDED.suppressed,
         incident_id = COALESCE(alerts.incident_id, EXCLUDED.incident_id)
  RETURNING id, integration_id, fingerprint, incident_id`;

/** Firing alerts a sender says are over. */
export const resolveFiringAlerts = `
  UPDATE alerts a SET status = 'resolved', resolved_at = $1::timestamptz, last_seen_at = $1::timestamptz,
         ends_at = COALESCE(r.ends_at, $1::timestamptz)
    FROM jsonb_to_recordset($2::jsonb) AS r(integration_id uuid, fingerprint text, ends_at timestamptz)
   WHERE a.integration_id = r.integration_id AND a.fingerprint = r.fingerprint AND a.status = 'firing'
  RETURNING a.id, a.integration_id, a.fingerprint, a.incident_id, a.title`;

/** Firing alerts a sender acknowledged (PagerDuty `acknowledge`). */
export const acknowledgeFiringAlerts = `
  UPDATE alerts a SET acknowledged_at = COALESCE(a.acknowledged_at, $1::timestamptz), last_seen_at = $1::timestamptz
    FROM jsonb_to_recordset($2::jsonb) AS r(integration_id uuid, fingerprint text)
   WHERE a.integration_id = r.integration_id AND a.fingerprint = r.fingerprint AND a.status = 'firing'
  RETURNING a.id, a.integration_id, a.fingerprint, a.incident_id, a.title`;

/**
 * Serialises flushes of the same groups across nodes, from before they read their firing alerts
 * until commit: two nodes must not both page one new alert, nor both open an incident for the
 * first alerts of a group (rows that do not exist yet cannot be locked). The locks are taken one
 * key after the other in the order given, the function scan's. PostgreSQL only: PGlite has one
 * session.
 */
export const lockGroupKeys = `SELECT pg_advisory_xact_lock(hashtextextended(k, 7)) FROM unnest($1::text[]) AS k`;

/**
 * The groups' incidents, locked in the order given ($1 integration ids, $2 group keys; `n` is the
 * 1-based position of the group found): two flushes of the same group queue here.
 */
export const lockAlertGroups = `
  SELECT k.n, g.incident_id, g.opened_at, i.status, i.severity
    FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS k(integration_id, group_key, n)
    JOIN alert_groups g ON g.integration_id = k.integration_id AND g.group_key = k.group_key
    JOIN incidents i ON i.id = g.incident_id
   ORDER BY k.n
     FOR UPDATE OF g`;

export const saveAlertGroup = `
  INSERT INTO alert_groups (integration_id, group_key, incident_id, opened_at, last_alert_at)
  VALUES ($1, $2, $3, $4, $4)
  ON CONFLICT (integration_id, group_key) DO UPDATE
     SET incident_id = EXCLUDED.incident_id, opened_at = EXCLUDED.opened_at, last_alert_at = EXCLUDED.last_alert_at`;

/** Groups that got alerts ($1 integration ids, $2 group keys). */
export const touchAlertGroups = `
  UPDATE alert_groups g SET last_alert_at = $3
    FROM unnest($1::uuid[], $2::text[]) AS k(integration_id, group_key)
   WHERE g.integration_id = k.integration_id AND g.group_key = k.group_key`;

/** Incidents among these with no firing alert left. */
export const incidentsWithoutFiringAlerts = `
  SELECT i.id FROM incidents i
   WHERE i.id = ANY($1::text[]) AND i.status <> 'resolved'
     AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.incident_id = i.id AND a.status = 'firing')`;

export const selectServiceIds = `SELECT id FROM services`;
