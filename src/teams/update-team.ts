import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { validationError } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { loadTeam, lockTeamRow } from './load-team.js';
import { TeamDescriptionSchema, TeamNameSchema, type Team } from './team-model.js';

export const UpdateTeamInput = Type.Object(
  { name: Type.Optional(TeamNameSchema), description: Type.Optional(TeamDescriptionSchema) },
  { additionalProperties: false },
);
export type UpdateTeamInput = Static<typeof UpdateTeamInput>;

const updateTeamRow = `
  UPDATE teams SET name = COALESCE($2, name), description = COALESCE($3, description), updated_at = $4 WHERE id = $1`;

/** Renames a team or changes its description (admin); its id stays. */
export async function updateTeam({ ctx, input }: { ctx: Ctx; input: { id: string } & UpdateTeamInput }): Promise<Team> {
  requireRole(ctx, 'admin');
  const { id, ...changes } = input;
  if (Object.keys(changes).length === 0)
    throw validationError('nothing to change', [{ path: '/', message: 'send at least one field' }]);
  return inTransaction(ctx, async (tx) => {
    await lockTeamRow(tx.db, id);
    await tx.db.query(updateTeamRow, [id, changes.name ?? null, changes.description ?? null, tx.now()]);
    await recordAudit(tx, {
      action: 'team.update',
      targetType: 'team',
      targetId: id,
      details: { fields: Object.keys(changes) },
    });
    return loadTeam(tx.db, id);
  });
}
