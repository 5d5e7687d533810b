import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { conflict } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { loadTeam } from './load-team.js';
import { TeamDescriptionSchema, TeamIdSchema, TeamNameSchema, type Team } from './team-model.js';

export const CreateTeamInput = Type.Object(
  { id: TeamIdSchema, name: TeamNameSchema, description: Type.Optional(TeamDescriptionSchema) },
  { additionalProperties: false },
);
export type CreateTeamInput = Static<typeof CreateTeamInput>;

/** ON CONFLICT so a taken id is answered as a named 409, not a generic unique violation. */
const insertTeam = `
  INSERT INTO teams (id, name, description, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
  ON CONFLICT (id) DO NOTHING RETURNING id`;

/** Creates an empty team (admin); members are added one by one. */
export async function createTeam({ ctx, input }: { ctx: Ctx; input: CreateTeamInput }): Promise<Team> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const { rows } = await tx.db.query(insertTeam, [input.id, input.name, input.description ?? '', tx.now()]);
    if (rows.length === 0) throw conflict(`team ${input.id} already exists`, { field: 'id', value: input.id });
    await recordAudit(tx, {
      action: 'team.create',
      targetType: 'team',
      targetId: input.id,
      details: { name: input.name },
    });
    return loadTeam(tx.db, input.id);
  });
}
