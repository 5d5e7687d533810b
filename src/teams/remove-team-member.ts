import { recordAudit } from '../audit/record-audit.js';
import { notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { uuidPattern } from '../users/user-statements.js';
import { loadTeam, lockTeamRow } from './load-team.js';
import type { Team } from './team-model.js';

const deleteMember = 'DELETE FROM team_members WHERE team_id = $1 AND user_id = $2::uuid RETURNING user_id';

/** Takes a user out of a team (admin); 404 when they are not in it. */
export async function removeTeamMember({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; userId: string };
}): Promise<Team> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    await lockTeamRow(tx.db, input.id);
    const { rows } = uuidPattern.test(input.userId)
      ? await tx.db.query(deleteMember, [input.id, input.userId])
      : { rows: [] };
    if (rows.length === 0) throw notFound('team member', input.userId);
    await recordAudit(tx, {
      action: 'team.remove_member',
      targetType: 'team',
      targetId: input.id,
      details: { userId: input.userId },
    });
    return loadTeam(tx.db, input.id);
  });
}
