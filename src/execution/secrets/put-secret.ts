import { Type, type Static } from 'typebox';
import { recordAudit } from '../../audit/record-audit.js';
import { conflict } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { minSecretLength } from '../redaction/create-redactor.js';
import { encryptSecret } from './secret-crypto.js';
import { secretSealingContext, type Secret, type SecretRow, type SecretServices } from './secret-model.js';

export const PutSecretInput = Type.Object(
  {
    value: Type.String({
      minLength: minSecretLength,
      maxLength: 65_536,
      description: 'never shown again, only used by steps and redacted from their output',
    }),
    description: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type PutSecretInput = Static<typeof PutSecretInput>;

const upsertSecret = `
  INSERT INTO secrets (name, sealed, description, created_at, updated_at, updated_by_name) VALUES ($1, $2, $3, $4, $4, $5)
  ON CONFLICT (name) DO UPDATE SET sealed = excluded.sealed, description = excluded.description, updated_at = excluded.updated_at,
                                   updated_by_name = excluded.updated_by_name
  RETURNING name, sealed, description, updated_at, updated_by_name, (xmax <> 0) AS replaced`;

/**
 * Stores a secret for steps (creating or replacing it), sealed with the server's key under its
 * name. Admins only; the audit row names the secret, never its value.
 */
export async function putSecret({
  ctx,
  input,
  services,
}: {
  ctx: Ctx;
  input: { name: string } & PutSecretInput;
  services: SecretServices;
}): Promise<Secret> {
  requireRole(ctx, 'admin');
  const key = services.secretKey;
  if (key === null)
    throw conflict('the secret store needs ASTREINTE_SECRET_KEY: set it on every node and restart', {
      requires: 'ASTREINTE_SECRET_KEY',
    });
  return inTransaction(ctx, async (tx) => {
    const sealed = encryptSecret(input.value, key, secretSealingContext(input.name));
    const row = (
      await tx.db.query<SecretRow & { replaced: boolean }>(upsertSecret, [
        input.name,
        sealed,
        input.description ?? null,
        tx.now(),
        tx.actor.name,
      ])
    ).rows[0]!;
    await recordAudit(tx, {
      action: row.replaced ? 'secret.replace' : 'secret.create',
      targetType: 'secret',
      targetId: input.name,
      details: {},
    });
    return {
      name: row.name,
      source: 'store',
      description: row.description,
      updatedAt: row.updated_at.toISOString(),
      updatedBy: row.updated_by_name,
    };
  });
}
