/** SQL shared by several team operations. */

const teamFilter = `($1::text IS NULL OR t.id = $1::text)
   AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM team_members f WHERE f.team_id = t.id AND f.user_id = $2::uuid))`;

/** Teams with their members as a JSON array, ordered by member name; $1 one team id, $2 one member's id, $3/$4 limit/offset. */
export const selectTeams = `
  SELECT t.id, t.name, t.description, t.created_at, t.updated_at,
         COALESCE((SELECT jsonb_agg(jsonb_build_object('userId', u.id, 'name', u.name) ORDER BY u.name, u.id)
                     FROM team_members m JOIN users u ON u.id = m.user_id
                    WHERE m.team_id = t.id), '[]'::jsonb) AS members
    FROM teams t
   WHERE ${teamFilter}
   ORDER BY t.id LIMIT $3 OFFSET $4`;

export const countTeams = `SELECT count(*)::int AS total FROM teams t WHERE ${teamFilter}`;

/** Locks a team's row so membership changes on one team apply one at a time. */
export const lockTeam = 'SELECT id FROM teams WHERE id = $1 FOR UPDATE';
