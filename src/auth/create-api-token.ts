import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { roleAtLeast, type Role } from '../core/actor.js';
import { validationError } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { TokenRoleSchema, toApiToken, type ApiToken, type ApiTokenRow } from './api-token-model.js';
import { generateTokenSecret, hashTokenSecret, visiblePrefix } from './token-secret.js';

export const CreateApiTokenInput = Type.Object(
  {
    userId: Type.Optional(Type.String({ format: 'uuid', description: 'owner of the token (none for a runner token)' })),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    role: TokenRoleSchema,
    expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
export type CreateApiTokenInput = Static<typeof CreateApiTokenInput>;

const insertToken = `
  INSERT INTO api_tokens (user_id, name, role, token_hash, prefix, created_at, expires_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7)
  RETURNING id, user_id, name, role, prefix, created_at, expires_at, revoked_at, last_used_at`;

/**
 * Issues an API token for a user, or a runner token (admin). The secret is returned once and only
 * its hash is kept; a person's token never carries more than its owner's role. A runner token
 * belongs to nobody (the audit row says who made it) and can only claim and run steps.
 */
export async function createApiToken({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: CreateApiTokenInput;
}): Promise<{ token: ApiToken; secret: string }> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    if (input.expiresAt !== undefined && Date.parse(input.expiresAt) <= tx.now().getTime()) {
      throw validationError('expiry in the past', [{ path: '/expiresAt', message: 'must be in the future' }]);
    }
    if (input.role === 'runner') {
      if (input.userId !== undefined)
        throw validationError('a runner token has no owner', [
          { path: '/userId', message: 'leave it out for a runner token' },
        ]);
      return insertApiToken(tx, { ...input, userId: null });
    }
    if (input.userId === undefined)
      throw validationError('whose token?', [{ path: '/userId', message: "required for a person's token" }]);
    const { rows: users } = await tx.db.query<{ role: Role }>(
      'SELECT role FROM users WHERE id = $1::uuid AND deactivated_at IS NULL',
      [input.userId],
    );
    const owner = users[0];
    if (owner === undefined)
      throw validationError('unknown user', [{ path: '/userId', message: `no active user ${input.userId}` }]);
    if (!roleAtLeast(owner.role, input.role)) {
      throw validationError('role above the owner', [{ path: '/role', message: `the owner is only ${owner.role}` }]);
    }
    return insertApiToken(tx, { ...input, userId: input.userId });
  });
}

async function insertApiToken(
  tx: Ctx,
  input: Omit<CreateApiTokenInput, 'userId'> & { userId: string | null },
): Promise<{ token: ApiToken; secret: string }> {
  const secret = generateTokenSecret();
  const { rows } = await tx.db.query<ApiTokenRow>(insertToken, [
    input.userId,
    input.name,
    input.role,
    hashTokenSecret(secret),
    visiblePrefix(secret),
    tx.now(),
    input.expiresAt === undefined ? null : new Date(input.expiresAt),
  ]);
  const token = toApiToken(rows[0]!);
  await recordAudit(tx, {
    action: 'api_token.create',
    targetType: 'api_token',
    targetId: token.id,
    details: { userId: input.userId, role: input.role },
  });
  return { token, secret };
}
