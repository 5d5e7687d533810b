import { notFound } from '../core/app-error.js';
import type { Queryable } from '../storage/database.js';
import { toTeam, type Team, type TeamRow } from './team-model.js';
import { lockTeam, selectTeams } from './team-statements.js';

/** Reads one team with its members, or throws not_found. */
export async function loadTeam(db: Queryable, id: string): Promise<Team> {
  const { rows } = await db.query<TeamRow>(selectTeams, [id, null, 1, 0]);
  const row = rows[0];
  if (row === undefined) throw notFound('team', id);
  return toTeam(row);
}

/** Locks a team's row for the rest of the transaction, or throws not_found. */
export async function lockTeamRow(db: Queryable, id: string): Promise<void> {
  const { rows } = await db.query(lockTeam, [id]);
  if (rows.length === 0) throw notFound('team', id);
}
