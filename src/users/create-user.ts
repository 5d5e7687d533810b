import { Type, type Static } from 'typebox';
import { RoleSchema } from '../auth/api-token-model.js';
import { recordAudit } from '../audit/record-audit.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { assertUniqueIdentity } from './load-user.js';
import {
  canonicalTimeZone,
  ChatHandleSchema,
  EmailSchema,
  PersonNameSchema,
  PhoneSchema,
  TimeZoneSchema,
  toUser,
  userColumns,
  UsernameSchema,
  type User,
  type UserRow,
} from './user-model.js';

export const CreateUserInput = Type.Object(
  {
    username: UsernameSchema,
    name: PersonNameSchema,
    email: EmailSchema,
    phone: Type.Optional(PhoneSchema),
    chatHandle: Type.Optional(ChatHandleSchema),
    role: RoleSchema,
    timeZone: Type.Optional(TimeZoneSchema),
  },
  { additionalProperties: false },
);
export type CreateUserInput = Static<typeof CreateUserInput>;

const insertUser = `
  INSERT INTO users (username, name, email, phone, chat_handle, role, time_zone, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
  RETURNING ${userColumns}`;

/** Adds a person (admin). They can act once an admin issues them an API token. */
export async function createUser({ ctx, input }: { ctx: Ctx; input: CreateUserInput }): Promise<User> {
  requireRole(ctx, 'admin');
  const timeZone = canonicalTimeZone(input.timeZone ?? 'UTC');
  return inTransaction(ctx, async (tx) => {
    await assertUniqueIdentity(tx.db, { username: input.username, email: input.email }, null);
    const { rows } = await tx.db.query<UserRow>(insertUser, [
      input.username,
      input.name,
      input.email,
      input.phone ?? null,
      input.chatHandle ?? null,
      input.role,
      timeZone,
      tx.now(),
    ]);
    const user = toUser(rows[0]!);
    await recordAudit(tx, {
      action: 'user.create',
      targetType: 'user',
      targetId: user.id,
      details: { username: user.username, role: user.role },
    });
    return user;
  });
}
