import { recordAudit } from '../audit/record-audit.js';
import { conflict } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { loadUserRow } from '../users/load-user.js';
import { loadTeam, lockTeamRow } from './load-team.js';
import type { Team } from './team-model.js';

const insertMember = `
  INSERT INTO team_members (team_id, user_id, added_at) VALUES ($1, $2, $3)
  ON CONFLICT (team_id, user_id) DO NOTHING RETURNING user_id`;

/**
 * Puts a user in a team (admin). Idempotent, as PUT promises: adding a member again changes
 * nothing and writes nothing, audit included. Deactivated users cannot join (409).
 */
export async function addTeamMember({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; userId: string };
}): Promise<Team> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    await lockTeamRow(tx.db, input.id);
    const user = await loadUserRow(tx.db, input.userId, false);
    if (user.deactivated_at !== null) throw conflict(`user ${input.userId} is deactivated`, { userId: input.userId });
    const { rows } = await tx.db.query(insertMember, [input.id, input.userId, tx.now()]);
    if (rows.length > 0) {
      await recordAudit(tx, {
        action: 'team.add_member',
        targetType: 'team',
        targetId: input.id,
        details: { userId: input.userId },
      });
    }
    return loadTeam(tx.db, input.id);
  });
}
