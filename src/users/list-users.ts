import { Type, type Static } from 'typebox';
import { RoleSchema } from '../auth/api-token-model.js';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { toUser, userColumns, type User, type UserRow } from './user-model.js';

export const ListUsersQuery = Type.Object(
  {
    role: Type.Optional(Type.Array(RoleSchema, { description: 'any of these roles' })),
    includeDeactivated: Type.Optional(Type.Boolean({ description: 'also list deactivated users', default: false })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);
export type ListUsersQuery = Static<typeof ListUsersQuery>;

const userFilter = `($1::text[] IS NULL OR role = ANY($1::text[])) AND ($2::boolean OR deactivated_at IS NULL)`;
const selectUsers = `SELECT ${userColumns} FROM users WHERE ${userFilter} ORDER BY username LIMIT $3 OFFSET $4`;
const countUsers = `SELECT count(*)::int AS total FROM users WHERE ${userFilter}`;

/** Users by username, active ones only unless asked (viewer). */
export async function listUsers({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ListUsersQuery;
}): Promise<{ items: User[]; total: number }> {
  requireRole(ctx, 'viewer');
  const filters = [input.role ?? null, input.includeDeactivated ?? false];
  const [{ rows }, count] = await Promise.all([
    ctx.db.query<UserRow>(selectUsers, [...filters, input.limit ?? 100, input.offset ?? 0]),
    ctx.db.query<{ total: number }>(countUsers, filters),
  ]);
  return { items: rows.map(toUser), total: count.rows[0]?.total ?? 0 };
}
