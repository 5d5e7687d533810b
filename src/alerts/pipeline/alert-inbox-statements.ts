/**
 * The inbox's statements (see alert-inbox.ts). A row is one request's alerts of one group.
 */

/** Parameters per row of `insertInbox`, after `$1` (the time received). */
export const inboxRowParams = 5;

/**
 * The rows of several requests, one statement, in the order given (ids follow arrival). Each
 * request's packed alerts go in a parameter of their own (an array or record parameter would be
 * escaped and parsed again). A row is urgent when it holds a trigger and its group has no
 * incident it could join (open, and younger than the group window): its first alert opens an
 * incident and pages. Two index probes per row.
 */
export function insertInbox(rows: number): string {
  const values = Array.from({ length: rows }, (_, index) => {
    const p = (offset: number): string => `$${index * inboxRowParams + offset + 2}`;
    return `(${index}, ${p(0)}::uuid, ${p(1)}::text, ${p(2)}::int, ${p(3)}::boolean, ${p(4)})`;
  });
  return `
  INSERT INTO alert_inbox (received_at, integration_id, group_key, alerts_packed, urgent)
  SELECT $1::timestamptz, r.integration_id, r.group_key, r.packed,
         r.has_trigger AND NOT EXISTS (
           SELECT 1 FROM alert_groups g JOIN incidents i ON i.id = g.incident_id
            WHERE g.integration_id = r.integration_id AND g.group_key = r.group_key AND i.status <> 'resolved'
              AND (r.window_minutes IS NULL OR g.opened_at > $1::timestamptz - make_interval(mins => r.window_minutes)))
    FROM (VALUES ${values.join(', ')}) AS r(n, integration_id, group_key, window_minutes, has_trigger, packed)
   ORDER BY r.n`;
}

const claimed = `SELECT id, integration_id, alerts, alerts_packed FROM alert_inbox`;

/**
 * The oldest urgent rows, with every older row of their groups (a group's alerts are handled in
 * the order they came: a resolve accepted before must not be handled after a new trigger), each
 * locked; SKIP LOCKED lets several nodes take rows at once, each taking rows the others do not hold.
 */
export const claimUrgentInbox = `
  WITH urgent AS (
    SELECT id, integration_id, group_key FROM alert_inbox WHERE urgent ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED
  )
  ${claimed}
   WHERE id IN (SELECT id FROM urgent
                UNION ALL
                SELECT o.id FROM urgent u
                  JOIN alert_inbox o ON o.integration_id = u.integration_id AND o.group_key = u.group_key AND o.id < u.id)
   ORDER BY id FOR UPDATE SKIP LOCKED`;

/** The oldest rows (received by `$2`, if given), locked. */
export const claimOldestInbox = `
  ${claimed} WHERE ($2::timestamptz IS NULL OR received_at <= $2) ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`;

export const deleteInbox = `DELETE FROM alert_inbox WHERE id = ANY($1::bigint[])`;

/** Whether these groups have an incident they could join ($1 integration id, $2 group keys, $3 now, $4 window). */
export const selectOpenGroups = `
  SELECT g.group_key FROM alert_groups g JOIN incidents i ON i.id = g.incident_id
   WHERE g.integration_id = $1 AND g.group_key = ANY($2::text[]) AND i.status <> 'resolved'
     AND ($4::int IS NULL OR g.opened_at > $3::timestamptz - make_interval(mins => $4::int))`;
