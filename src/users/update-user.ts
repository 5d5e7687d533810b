import { Type, type Static } from 'typebox';
import { RoleSchema } from '../auth/api-token-model.js';
import { recordAudit } from '../audit/record-audit.js';
import { actorRole, roleAtLeast, roles, type Role } from '../core/actor.js';
import { AppError, conflict, validationError } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { assertUniqueIdentity, loadUserRow } from './load-user.js';
import {
  canonicalTimeZone,
  ChatHandleSchema,
  EmailSchema,
  PersonNameSchema,
  PhoneSchema,
  TimeZoneSchema,
  toUser,
  userColumns,
  type User,
  type UserRow,
} from './user-model.js';

export const UpdateUserInput = Type.Object(
  {
    name: Type.Optional(PersonNameSchema),
    email: Type.Optional(EmailSchema),
    phone: Type.Optional(Type.Union([PhoneSchema, Type.Null()], { description: 'null removes it' })),
    chatHandle: Type.Optional(Type.Union([ChatHandleSchema, Type.Null()], { description: 'null removes it' })),
    timeZone: Type.Optional(TimeZoneSchema),
    role: Type.Optional(RoleSchema),
  },
  { additionalProperties: false },
);
export type UpdateUserInput = Static<typeof UpdateUserInput>;

const updateUserRow = `
  UPDATE users SET name = $2, email = $3, phone = $4, chat_handle = $5, time_zone = $6, role = $7, updated_at = $8
   WHERE id = $1 RETURNING ${userColumns}`;

/** A token never carries more than its owner's role: lowering a user's role lowers their tokens with it. */
const capTokenRoles = `UPDATE api_tokens SET role = $2 WHERE user_id = $1 AND role = ANY($3::text[]) AND revoked_at IS NULL`;

/**
 * Changes a user's contact details, time zone or role. An admin may change anyone's; any user may
 * change their own details but not their own role (an admin neither: another admin must, so the
 * last admin cannot demote themself by mistake).
 */
export async function updateUser({ ctx, input }: { ctx: Ctx; input: { id: string } & UpdateUserInput }): Promise<User> {
  requireRole(ctx, 'viewer');
  const { id, ...changes } = input;
  const role = actorRole(ctx.actor);
  const isAdmin = role !== null && roleAtLeast(role, 'admin');
  const isSelf = ctx.actor.type === 'user' && ctx.actor.id === id;
  if (!isAdmin && !isSelf) throw forbidden('only an admin may change another user', 'admin');
  if (!isAdmin && changes.role !== undefined) throw forbidden('only an admin may change a role', 'admin');
  if (Object.keys(changes).length === 0)
    throw validationError('nothing to change', [{ path: '/', message: 'send at least one field' }]);
  const timeZone = changes.timeZone === undefined ? undefined : canonicalTimeZone(changes.timeZone);
  return inTransaction(ctx, async (tx) => {
    const row = await loadUserRow(tx.db, id, true);
    if (row.deactivated_at !== null)
      throw conflict(`user ${id} is deactivated`, { id, deactivatedAt: row.deactivated_at.toISOString() });
    const role = changes.role ?? row.role;
    if (isSelf && role !== row.role)
      throw conflict('you cannot change your own role; ask another admin', { field: 'role' });
    if (changes.email !== undefined) await assertUniqueIdentity(tx.db, { username: null, email: changes.email }, id);
    const { rows } = await tx.db.query<UserRow>(updateUserRow, [
      id,
      changes.name ?? row.name,
      changes.email ?? row.email,
      changes.phone === undefined ? row.phone : changes.phone,
      changes.chatHandle === undefined ? row.chat_handle : changes.chatHandle,
      timeZone ?? row.time_zone,
      role,
      tx.now(),
    ]);
    const details: Record<string, unknown> = { fields: Object.keys(changes) };
    if (role !== row.role) {
      details['role'] = { from: row.role, to: role };
      await tx.db.query(capTokenRoles, [id, role, rolesAbove(role)]);
    }
    await recordAudit(tx, { action: 'user.update', targetType: 'user', targetId: id, details });
    return toUser(rows[0]!);
  });
}

function rolesAbove(role: Role): Role[] {
  return roles.filter((r) => !roleAtLeast(role, r));
}

function forbidden(message: string, required: Role): AppError {
  return new AppError('forbidden', message, { required });
}
