import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { toApiToken, type ApiToken, type ApiTokenRow } from './api-token-model.js';

const selectTokens = `
  SELECT id, user_id, name, role, prefix, created_at, expires_at, revoked_at, last_used_at
    FROM api_tokens WHERE ($1::uuid IS NULL OR user_id = $1::uuid) ORDER BY created_at`;

/** Tokens (never their secrets), optionally of one user (admin). */
export async function listApiTokens({ ctx, input }: { ctx: Ctx; input: { userId?: string } }): Promise<ApiToken[]> {
  requireRole(ctx, 'admin');
  const { rows } = await ctx.db.query<ApiTokenRow>(selectTokens, [input.userId ?? null]);
  return rows.map(toApiToken);
}
