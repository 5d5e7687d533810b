import { Type, type Static } from 'typebox';

export const RoleSchema = Type.Enum(['viewer', 'responder', 'admin']);

/** What a token acts as: a person's role, or `runner` (claims and runs steps, nothing else). */
export const TokenRoleSchema = Type.Enum(['viewer', 'responder', 'admin', 'runner']);

export const ApiTokenSchema = Type.Object(
  {
    id: Type.String(),
    userId: Type.Union([Type.String(), Type.Null()], { description: 'owner; null for a runner token' }),
    name: Type.String(),
    role: TokenRoleSchema,
    prefix: Type.String({ description: 'first characters of the secret, to recognise it' }),
    createdAt: Type.String({ format: 'date-time' }),
    expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { title: 'ApiToken' },
);
export type ApiToken = Static<typeof ApiTokenSchema>;

export interface ApiTokenRow {
  [column: string]: unknown;
  id: string;
  user_id: string | null;
  name: string;
  role: ApiToken['role'];
  prefix: string;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

export function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}
