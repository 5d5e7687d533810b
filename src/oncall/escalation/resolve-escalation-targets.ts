import type { Queryable } from '../../storage/database.js';
import type { Schedule } from '../schedules/schedule-model.js';
import { whoIsOnCall } from '../schedules/who-is-on-call.js';
import type { EscalationTarget } from './escalation-policy-model.js';

/** A person a level pages, and through which target. */
export interface PagedUser {
  userId: string;
  via: EscalationTarget;
}

/**
 * The people a level's targets stand for at `at`: a user is themself, a schedule is whoever is
 * on call then, a team is its active members. Each person once (the first target naming them);
 * a schedule with nobody on call pages nobody, which the caller reports.
 */
export async function resolveEscalationTargets(
  db: Queryable,
  targets: readonly EscalationTarget[],
  at: Date,
): Promise<{ users: PagedUser[]; empty: EscalationTarget[] }> {
  const users: PagedUser[] = [];
  const empty: EscalationTarget[] = [];
  const seen = new Set<string>();
  const add = (userId: string, via: EscalationTarget): void => {
    if (seen.has(userId)) return;
    seen.add(userId);
    users.push({ userId, via });
  };
  for (const target of targets) {
    let found: string[];
    if (target.type === 'user') {
      found = (
        await db.query<{ id: string }>('SELECT id FROM users WHERE id::text = $1 AND deactivated_at IS NULL', [
          target.id,
        ])
      ).rows.map((row) => row.id);
    } else if (target.type === 'schedule') {
      const { rows } = await db.query<{ definition: Schedule }>('SELECT definition FROM schedules WHERE id = $1', [
        target.id,
      ]);
      const onCall = rows[0] === undefined ? null : whoIsOnCall(rows[0].definition, at);
      found = onCall === null ? [] : [onCall.userId];
    } else {
      const { rows } = await db.query<{ user_id: string }>(
        `SELECT m.user_id FROM team_members m JOIN users u ON u.id = m.user_id WHERE m.team_id = $1 AND u.deactivated_at IS NULL ORDER BY m.added_at, m.user_id`,
        [target.id],
      );
      found = rows.map((row) => row.user_id);
    }
    if (found.length === 0) empty.push(target);
    for (const userId of found) add(userId, target);
  }
  return { users, empty };
}
