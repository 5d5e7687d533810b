import { Type, type Static } from 'typebox';
import { recordAudit } from '../../audit/record-audit.js';
import { conflict, notFound } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { IntegrationSettingsSchema, type Integration } from '../integration-model.js';
import { checkIntegrationSettings } from './check-integration-settings.js';
import { generateIntegrationKey, hashIntegrationKey, integrationKeyHint } from './integration-key.js';
import { integrationColumns, toIntegration, type IntegrationRow } from './integration-row.js';

export const UpdateIntegrationInput = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    serviceId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    settings: Type.Optional(IntegrationSettingsSchema),
    disabled: Type.Optional(Type.Boolean({ description: 'a disabled integration answers 401 to its senders' })),
    rotateKey: Type.Optional(Type.Boolean({ description: 'issue a new key; the old one stops working at once' })),
  },
  { additionalProperties: false },
);
export type UpdateIntegrationInput = Static<typeof UpdateIntegrationInput>;

const lockIntegration = `SELECT ${integrationColumns} FROM integrations WHERE id = $1::uuid AND kind <> 'probe' FOR UPDATE`;
const saveIntegration = `
  UPDATE integrations SET name = $2, service_id = $3, settings = $4, disabled_at = $5, updated_at = $6,
         key_hash = COALESCE($7, key_hash), key_hint = COALESCE($8, key_hint)
   WHERE id = $1::uuid
  RETURNING ${integrationColumns}`;
const updateHeartbeatPeriod = `UPDATE heartbeats SET period_seconds = $2, grace_seconds = $3 WHERE integration_id = $1`;

/**
 * Changes an integration (admin): name, default service, settings (replaced whole), enabled or
 * not, and its key (returned once when rotated). Senders see the change within a few seconds
 * (nodes cache keys briefly).
 */
export async function updateIntegration({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & UpdateIntegrationInput;
}): Promise<{ integration: Integration; key: string | null }> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const { rows } = await tx.db.query<IntegrationRow>(lockIntegration, [input.id]);
    const current = rows[0];
    if (current === undefined) throw notFound('integration', input.id);
    const settings = input.settings ?? current.settings;
    const serviceId = input.serviceId === undefined ? current.service_id : input.serviceId;
    await checkIntegrationSettings(tx.db, current.kind, settings, serviceId);
    const now = tx.now();
    const disabledAt =
      input.disabled === undefined ? current.disabled_at : input.disabled ? (current.disabled_at ?? now) : null;
    const key = input.rotateKey === true ? generateIntegrationKey() : null;
    const name = input.name ?? current.name;
    const saved = await tx.db
      .query<IntegrationRow>(saveIntegration, [
        input.id,
        name,
        serviceId,
        JSON.stringify(settings),
        disabledAt,
        now,
        key === null ? null : hashIntegrationKey(key),
        key === null ? null : integrationKeyHint(key),
      ])
      .catch((error: unknown) => {
        if ((error as { code?: string }).code === '23505')
          throw conflict(`an integration named ${name} exists`, { field: '/name' });
        throw error;
      });
    if (settings.heartbeat !== undefined)
      await tx.db.query(updateHeartbeatPeriod, [
        input.id,
        settings.heartbeat.periodSeconds,
        settings.heartbeat.graceSeconds ?? 0,
      ]);
    await recordAudit(tx, {
      action: 'integration.update',
      targetType: 'integration',
      targetId: input.id,
      details: { changed: Object.keys(input).filter((field) => field !== 'id'), keyRotated: key !== null },
    });
    return { integration: toIntegration(saved.rows[0]!), key };
  });
}
