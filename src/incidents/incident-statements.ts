/** Named SQL statements of the incidents domain. */

export const nextIncidentNumber = `SELECT nextval('incident_number_seq')::int AS number`;

export const insertIncident = `
  INSERT INTO incidents (id, number, title, summary, impact, severity, status, labels, detected_at,
                         created_at, updated_at, last_event_seq)
  VALUES ($1, $2, $3, $4, $5, $6, 'triggered', $7, $8, $9, $9, 0)`;

export const insertIncidentService = `
  INSERT INTO incident_services (incident_id, service_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`;

export const deleteIncidentService = `DELETE FROM incident_services WHERE incident_id = $1 AND service_id = $2`;

/** Locks the row for a writer that decides from what it reads of the incident: what it read holds until commit. */
export const lockIncident = `SELECT * FROM incidents WHERE id = $1 FOR UPDATE`;

/**
 * Appends one event, its seq taken from the incident's counter in the same statement. The update
 * locks the incident's row until commit: concurrent writers to one incident queue there, which
 * keeps seq gap-free (a rolled-back writer takes its increment with it).
 */
export const appendEvent = `
  WITH bumped AS (
    UPDATE incidents SET last_event_seq = last_event_seq + 1, updated_at = $3 WHERE id = $1 RETURNING last_event_seq
  )
  INSERT INTO incident_events (incident_id, seq, type, occurred_at, actor_type, actor_id, actor_name, payload)
  SELECT $1, last_event_seq, $2, $3, $4, $5, $6, $7 FROM bumped
  RETURNING seq`;

/** Appends several events in order (`$6`: [{type, payload}]), the counter moved by their number at once. */
export const appendEvents = `
  WITH events AS (
    SELECT e.type, e.payload, e.ordinality
      FROM ROWS FROM (jsonb_to_recordset($6::jsonb) AS (type text, payload jsonb)) WITH ORDINALITY AS e(type, payload, ordinality)
  ), bumped AS (
    UPDATE incidents SET last_event_seq = last_event_seq + (SELECT count(*) FROM events), updated_at = $2 WHERE id = $1 RETURNING last_event_seq
  )
  INSERT INTO incident_events (incident_id, seq, type, occurred_at, actor_type, actor_id, actor_name, payload)
  SELECT $1, b.last_event_seq - (SELECT count(*) FROM events) + e.ordinality, e.type, $2, $3, $4, $5, e.payload
    FROM bumped b CROSS JOIN events e
  RETURNING seq`;

/**
 * Appends the events of several incidents in one statement (`$2`: [{incident_id, actor_type,
 * actor_id, actor_name, events: [{type, payload}]}]; an incident may come in several batches):
 * each incident's counter moves by its number of events, which take the seqs after it in the
 * order given. The same row lock as `appendEvent` keeps each timeline gap-free. Returns how
 * many incidents it found.
 */
export const appendEventsOfIncidents = `
  WITH batches AS (
    SELECT b.incident_id, b.actor_type, b.actor_id, b.actor_name, b.events,
           sum(jsonb_array_length(b.events)) OVER (PARTITION BY b.incident_id ORDER BY b.n) - jsonb_array_length(b.events) AS offset_in
      FROM ROWS FROM (jsonb_to_recordset($2::jsonb) AS (incident_id text, actor_type text, actor_id text, actor_name text, events jsonb))
           WITH ORDINALITY AS b(incident_id, actor_type, actor_id, actor_name, events, n)
  ), bumped AS (
    UPDATE incidents i SET last_event_seq = i.last_event_seq + t.added, updated_at = $1
      FROM (SELECT incident_id, sum(jsonb_array_length(events))::int AS added FROM batches GROUP BY incident_id) AS t
     WHERE i.id = t.incident_id
    RETURNING i.id, i.last_event_seq - t.added AS base
  ), appended AS (
    INSERT INTO incident_events (incident_id, seq, type, occurred_at, actor_type, actor_id, actor_name, payload)
    SELECT b.incident_id, s.base + b.offset_in + e.ordinality, e.type, $1, b.actor_type, b.actor_id, b.actor_name, e.payload
      FROM batches b
      JOIN bumped s ON s.id = b.incident_id,
           ROWS FROM (jsonb_to_recordset(b.events) AS (type text, payload jsonb)) WITH ORDINALITY AS e(type, payload, ordinality)
  )
  SELECT count(*)::int AS incidents FROM bumped`;

export const updateIncidentStatus = `
  UPDATE incidents SET status = $2, acknowledged_at = $3, mitigated_at = $4, resolved_at = $5 WHERE id = $1`;

export const updateIncidentFields = `
  UPDATE incidents SET title = $2, summary = $3, impact = $4, severity = $5, labels = $6 WHERE id = $1`;

export const upsertIncidentRole = `
  INSERT INTO incident_roles (incident_id, role, user_id, assigned_at) VALUES ($1, $2, $3, $4)
  ON CONFLICT (incident_id, role) DO UPDATE SET user_id = EXCLUDED.user_id, assigned_at = EXCLUDED.assigned_at`;

export const deleteIncidentRole = `DELETE FROM incident_roles WHERE incident_id = $1 AND role = $2`;

/** Incidents with their services and roles, filtered; `$1` … `$4` may be null for "any". */
export const selectIncidents = `
  SELECT i.*,
         COALESCE((SELECT array_agg(s.service_id ORDER BY s.service_id) FROM incident_services s WHERE s.incident_id = i.id), '{}') AS services,
         COALESCE((SELECT jsonb_object_agg(r.role, jsonb_build_object('userId', r.user_id, 'name', u.name))
                     FROM incident_roles r JOIN users u ON u.id = r.user_id WHERE r.incident_id = i.id), '{}'::jsonb) AS roles
    FROM incidents i
   WHERE ($1::text[] IS NULL OR i.status = ANY($1::text[]))
     AND ($2::text[] IS NULL OR i.severity = ANY($2::text[]))
     AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM incident_services s WHERE s.incident_id = i.id AND s.service_id = $3))
     AND ($4::text IS NULL OR i.id = $4)
   ORDER BY i.number DESC
   LIMIT $5 OFFSET $6`;

export const countIncidents = `
  SELECT count(*)::int AS total FROM incidents i
   WHERE ($1::text[] IS NULL OR i.status = ANY($1::text[]))
     AND ($2::text[] IS NULL OR i.severity = ANY($2::text[]))
     AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM incident_services s WHERE s.incident_id = i.id AND s.service_id = $3))`;

export const selectTimeline = `
  SELECT seq, type, occurred_at, actor_type, actor_id, actor_name, payload
    FROM incident_events WHERE incident_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`;

export const openIncidentsBySeverity = `
  SELECT severity, count(*)::int AS open FROM incidents WHERE status <> 'resolved' GROUP BY severity`;
