import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { conflict, notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { generateSetupToken, hashSetupToken, setupLinkValidMs } from './setup-link-secret.js';

export const CreateSetupLinkInput = Type.Object(
  { userId: Type.String({ format: 'uuid', description: 'who chooses a password with the link' }) },
  { additionalProperties: false },
);
export type CreateSetupLinkInput = Static<typeof CreateSetupLinkInput>;

export interface CreatedSetupLink {
  /** The link's secret: shown once, only its hash is kept. */
  token: string;
  expiresAt: string;
}

const selectUser = 'SELECT deactivated_at FROM users WHERE id = $1::uuid FOR UPDATE';
/** A newer link replaces the person's unused ones: only the last link printed works. */
const replaceUnused = `
  UPDATE setup_links SET replaced_at = $2 WHERE user_id = $1::uuid AND used_at IS NULL AND replaced_at IS NULL`;
const insertLink = `
  INSERT INTO setup_links (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4) RETURNING id`;

/**
 * Issues a one-time link where a person chooses their console password (admin, or the system on
 * first start). It stays valid a day and works once; the token is returned once and only its
 * hash stored. Any earlier unused link of theirs stops working.
 */
export async function createSetupLink({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: CreateSetupLinkInput;
}): Promise<CreatedSetupLink> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const { rows } = await tx.db.query<{ deactivated_at: Date | null }>(selectUser, [input.userId]);
    const user = rows[0];
    if (user === undefined) throw notFound('user', input.userId);
    if (user.deactivated_at !== null) throw conflict('this user is deactivated', { userId: input.userId });
    await tx.db.query(replaceUnused, [input.userId, tx.now()]);
    const token = generateSetupToken();
    const expiresAt = new Date(tx.now().getTime() + setupLinkValidMs);
    const created = await tx.db.query<{ id: string }>(insertLink, [
      hashSetupToken(token),
      input.userId,
      tx.now(),
      expiresAt,
    ]);
    await recordAudit(tx, {
      action: 'setup_link.create',
      targetType: 'user',
      targetId: input.userId,
      details: { setupLinkId: created.rows[0]!.id, expiresAt: expiresAt.toISOString() },
    });
    return { token, expiresAt: expiresAt.toISOString() };
  });
}
