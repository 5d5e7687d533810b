import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { hashPassword, verifyPassword } from '../auth/password-hash.js';
import { AppError, notFound, validationError } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';

export const SetUserPasswordInput = Type.Object(
  {
    password: Type.String({ minLength: 12, maxLength: 1000, description: 'at least 12 characters' }),
    currentPassword: Type.Optional(
      Type.String({ maxLength: 1000, description: "required when changing one's own password" }),
    ),
  },
  { additionalProperties: false },
);
export type SetUserPasswordInput = Static<typeof SetUserPasswordInput>;

/**
 * Sets a person's console password: one's own (giving the current one, if any), or anyone's as an
 * admin. Their other sessions end: a changed password must lock out whoever knew the old one.
 */
export async function setUserPassword({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & SetUserPasswordInput;
}): Promise<void> {
  const self = ctx.actor.type === 'user' && ctx.actor.id === input.id;
  if (!self) requireRole(ctx, 'admin');
  // Checked here too: the CLI calls this without the HTTP schema.
  if (input.password.length < 12 || input.password.length > 1000)
    throw validationError('invalid password', [{ path: '/password', message: 'must be 12 to 1000 characters' }]);
  const hash = await hashPassword(input.password);
  await inTransaction(ctx, async (tx) => {
    const { rows } = await tx.db.query<{ password_hash: string | null }>(
      'SELECT password_hash FROM users WHERE id = $1::uuid FOR UPDATE',
      [input.id],
    );
    const user = rows[0];
    if (user === undefined) throw notFound('user', input.id);
    if (
      self &&
      user.password_hash !== null &&
      !(await verifyPassword(input.currentPassword ?? '', user.password_hash))
    ) {
      throw new AppError('validation_failed', 'the current password is wrong', {
        issues: [{ path: '/currentPassword', message: 'wrong password' }],
      });
    }
    await tx.db.query('UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1::uuid', [
      input.id,
      hash,
      tx.now(),
    ]);
    const keep = ctx.actor.type === 'user' ? (ctx.actor.sessionId ?? null) : null;
    await tx.db.query(
      'UPDATE sessions SET revoked_at = $2 WHERE user_id = $1::uuid AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid)',
      [input.id, tx.now(), keep],
    );
    await recordAudit(tx, { action: 'user.set_password', targetType: 'user', targetId: input.id });
  });
}
