import { Type, type Static } from 'typebox';
import { recordAudit } from '../../audit/record-audit.js';
import { AppError } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { IntegrationKindSchema, IntegrationSettingsSchema, type Integration } from '../integration-model.js';
import { checkIntegrationSettings } from './check-integration-settings.js';
import { generateIntegrationKey, hashIntegrationKey, integrationKeyHint } from './integration-key.js';
import { integrationColumns, toIntegration, type IntegrationRow } from './integration-row.js';

export const CreateIntegrationInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    kind: IntegrationKindSchema,
    serviceId: Type.Optional(
      Type.Union([Type.String(), Type.Null()], { description: 'service of alerts whose labels name none' }),
    ),
    settings: Type.Optional(IntegrationSettingsSchema),
  },
  { additionalProperties: false },
);
export type CreateIntegrationInput = Static<typeof CreateIntegrationInput>;

const insertIntegration = `
  INSERT INTO integrations (name, kind, key_hash, key_hint, service_id, settings, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
  ON CONFLICT (name) DO NOTHING
  RETURNING ${integrationColumns}`;

const insertHeartbeat = `
  INSERT INTO heartbeats (integration_id, period_seconds, grace_seconds, due_at, state)
  VALUES ($1, $2, $3, $4, 'waiting')`;

/**
 * Adds a way in for alerts (admin). The key is returned once; only its hash is kept. A heartbeat
 * integration starts waiting for its first ping, due one period (plus grace) from now.
 */
export async function createIntegration({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: CreateIntegrationInput;
}): Promise<{ integration: Integration; key: string }> {
  requireRole(ctx, 'admin');
  const settings = input.settings ?? {};
  const serviceId = input.serviceId ?? null;
  return inTransaction(ctx, async (tx) => {
    await checkIntegrationSettings(tx.db, input.kind, settings, serviceId);
    const key = generateIntegrationKey();
    const now = tx.now();
    const { rows } = await tx.db.query<IntegrationRow>(insertIntegration, [
      input.name,
      input.kind,
      hashIntegrationKey(key),
      integrationKeyHint(key),
      serviceId,
      JSON.stringify(settings),
      now,
    ]);
    const row = rows[0];
    if (row === undefined)
      throw new AppError('conflict', `an integration named ${input.name} exists`, { field: '/name' });
    if (settings.heartbeat !== undefined) {
      const grace = settings.heartbeat.graceSeconds ?? 0;
      await tx.db.query(insertHeartbeat, [
        row.id,
        settings.heartbeat.periodSeconds,
        grace,
        new Date(now.getTime() + (settings.heartbeat.periodSeconds + grace) * 1000),
      ]);
    }
    await recordAudit(tx, {
      action: 'integration.create',
      targetType: 'integration',
      targetId: row.id,
      details: { name: input.name, kind: input.kind },
    });
    return { integration: toIntegration(row), key };
  });
}
