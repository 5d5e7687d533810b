import { Type, type Static } from 'typebox';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { toTeam, type Team, type TeamRow } from './team-model.js';
import { countTeams, selectTeams } from './team-statements.js';

export const ListTeamsQuery = Type.Object(
  {
    userId: Type.Optional(Type.String({ format: 'uuid', description: 'only the teams this user belongs to' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);
export type ListTeamsQuery = Static<typeof ListTeamsQuery>;

/** Teams by id, with their members (viewer). */
export async function listTeams({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ListTeamsQuery;
}): Promise<{ items: Team[]; total: number }> {
  requireRole(ctx, 'viewer');
  const filters = [null, input.userId ?? null];
  const [{ rows }, count] = await Promise.all([
    ctx.db.query<TeamRow>(selectTeams, [...filters, input.limit ?? 100, input.offset ?? 0]),
    ctx.db.query<{ total: number }>(countTeams, filters),
  ]);
  return { items: rows.map(toTeam), total: count.rows[0]?.total ?? 0 };
}
