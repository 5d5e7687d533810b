import { Type, type Static } from 'typebox';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { selectServiceColumns, toService, type Service, type ServiceRow } from './service-model.js';

export const ListServicesQuery = Type.Object(
  {
    tag: Type.Optional(Type.String({ minLength: 1, description: 'only services carrying this tag' })),
    ownerTeamId: Type.Optional(Type.String({ minLength: 1, description: 'only services this team owns' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);
export type ListServicesQuery = Static<typeof ListServicesQuery>;

const filters = `
   WHERE ($1::text IS NULL OR $1::text = ANY(tags))
     AND ($2::text IS NULL OR owner_team_id = $2::text)`;

const selectServices = `${selectServiceColumns} ${filters} ORDER BY id LIMIT $3 OFFSET $4`;
const countServices = `SELECT count(*)::int AS total FROM services ${filters}`;

/** The service catalogue in id order, filtered by tag and owner team. */
export async function listServices({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ListServicesQuery;
}): Promise<{ items: Service[]; total: number }> {
  requireRole(ctx, 'viewer');
  const params = [input.tag ?? null, input.ownerTeamId ?? null];
  const [{ rows }, count] = await Promise.all([
    ctx.db.query<ServiceRow>(selectServices, [...params, input.limit ?? 100, input.offset ?? 0]),
    ctx.db.query<{ total: number }>(countServices, params),
  ]);
  return { items: rows.map(toService), total: count.rows[0]?.total ?? 0 };
}
