import type { EscalationTarget } from '../oncall/escalation/escalation-policy-model.js';
import type { OnCallNow, Schedule } from '../oncall/schedules/schedule-model.js';
import { whoIsOnCall } from '../oncall/schedules/who-is-on-call.js';
import type { Queryable } from '../storage/database.js';
import type { ServiceOnCall } from './service-summary-model.js';

/** What the on-call answer of every service needs, loaded once for a whole list. */
export interface OnCallDirectory {
  users: Map<string, string>;
  schedules: Map<string, { name: string; teamId: string | null; definition: Schedule }>;
  teams: Map<string, { name: string; members: string[] }>;
  /** Who each schedule has on call at the instant asked, once computed: many services share a schedule. */
  onCallNow: Map<string, OnCallNow | null>;
}

/** Active users, schedules and teams with their active members, by id. */
export async function loadOnCallDirectory(db: Queryable): Promise<OnCallDirectory> {
  const [users, schedules, teams, members] = await Promise.all([
    db.query<{ id: string; name: string }>('SELECT id::text AS id, name FROM users WHERE deactivated_at IS NULL'),
    db.query<{ id: string; name: string; team_id: string | null; definition: Schedule }>(
      'SELECT id, name, team_id, definition FROM schedules ORDER BY id',
    ),
    db.query<{ id: string; name: string }>('SELECT id, name FROM teams'),
    db.query<{ team_id: string; user_id: string }>(
      'SELECT m.team_id, m.user_id::text AS user_id FROM team_members m JOIN users u ON u.id = m.user_id WHERE u.deactivated_at IS NULL ORDER BY m.added_at, m.user_id',
    ),
  ]);
  const directory: OnCallDirectory = {
    users: new Map(users.rows.map((row) => [row.id, row.name])),
    schedules: new Map(
      schedules.rows.map((row) => [row.id, { name: row.name, teamId: row.team_id, definition: row.definition }]),
    ),
    teams: new Map(teams.rows.map((row) => [row.id, { name: row.name, members: [] }])),
    onCallNow: new Map(),
  };
  for (const row of members.rows) directory.teams.get(row.team_id)?.members.push(row.user_id);
  return directory;
}

/** Who a schedule has on call at `at`, computed once per directory (one directory serves one instant). */
function scheduleOnCall(directory: OnCallDirectory, scheduleId: string, at: Date): OnCallNow | null {
  if (!directory.onCallNow.has(scheduleId)) {
    const schedule = directory.schedules.get(scheduleId);
    directory.onCallNow.set(scheduleId, schedule === undefined ? null : whoIsOnCall(schedule.definition, at));
  }
  return directory.onCallNow.get(scheduleId) ?? null;
}

/**
 * The people `targets` stand for at `at`, as escalation would page them
 * (`resolveEscalationTargets`): a user is themself, a schedule whoever it has on call, a team its
 * active members; each person once, through the first target naming them.
 */
export function onCallFor(directory: OnCallDirectory, targets: readonly EscalationTarget[], at: Date): ServiceOnCall[] {
  const found: ServiceOnCall[] = [];
  const seen = new Set<string>();
  const add = (userId: string, via: ServiceOnCall['via'], until: Date | null): void => {
    const name = directory.users.get(userId);
    // A deactivated person is not paged: not on call either.
    if (name === undefined || seen.has(userId)) return;
    seen.add(userId);
    found.push({ userId, name, via, until: until?.toISOString() ?? null });
  };
  for (const target of targets) {
    if (target.type === 'user') {
      add(target.id, { ...target, name: directory.users.get(target.id) ?? target.id }, null);
    } else if (target.type === 'schedule') {
      const now = scheduleOnCall(directory, target.id, at);
      if (now !== null)
        add(now.userId, { ...target, name: directory.schedules.get(target.id)?.name ?? target.id }, now.until);
    } else {
      const team = directory.teams.get(target.id);
      for (const userId of team?.members ?? []) add(userId, { ...target, name: team?.name ?? target.id }, null);
    }
  }
  return found;
}

/**
 * Who answers for a service now: whom level 1 of its escalation policy would page; a service
 * without a policy falls back on the schedules its owner team keeps (nobody pages them
 * automatically, but they are whom a responder would call).
 */
export function serviceOnCall(
  directory: OnCallDirectory,
  firstLevel: readonly EscalationTarget[] | null,
  ownerTeamId: string | null,
  at: Date,
): ServiceOnCall[] {
  if (firstLevel !== null) return onCallFor(directory, firstLevel, at);
  if (ownerTeamId === null) return [];
  const teamSchedules = [...directory.schedules]
    .filter(([, schedule]) => schedule.teamId === ownerTeamId)
    .map(([id]): EscalationTarget => ({ type: 'schedule', id }));
  return onCallFor(directory, teamSchedules, at);
}
