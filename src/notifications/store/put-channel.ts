import { recordAudit } from '../../audit/record-audit.js';
import { conflict, validationError, type FieldIssue } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { encryptSecret } from '../../execution/secrets/secret-crypto.js';
import { mapChannelSecrets, redactedSecret, restoreRedactedSecrets } from '../channel-secrets.js';
import { channelAad, openChannelSecret } from './open-channel-secret.js';
import {
  channelColumns,
  toChannelRecord,
  type ChannelRecord,
  type ChannelRow,
  type PutChannelInput,
} from './channel-record.js';

const selectChannel = `SELECT ${channelColumns} FROM notification_channels WHERE id = $1 FOR UPDATE`;
const upsertChannel = `
  INSERT INTO notification_channels (id, kind, name, config, enabled, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)
  ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, config = EXCLUDED.config, enabled = EXCLUDED.enabled, updated_at = EXCLUDED.updated_at
  RETURNING ${channelColumns}, (xmax = 0) AS created`;

/**
 * Creates or replaces a notification channel (admin). Its secrets (SMTP password, webhook secret,
 * SMS token, chat webhook URLs) are sealed with the server's key before they are stored; a secret
 * sent back as `********` keeps the stored one, so an edit need not retype it.
 */
export async function putChannel({
  ctx,
  input,
  secretKey,
}: {
  ctx: Ctx;
  input: { id: string } & PutChannelInput;
  secretKey: Buffer | null;
}): Promise<{ channel: ChannelRecord; created: boolean }> {
  requireRole(ctx, 'admin');
  const key = secretKey;
  if (key === null)
    throw conflict(
      'notification channels need ASTREINTE_SECRET_KEY (their secrets are sealed with it): set it on every node and restart',
      { requires: 'ASTREINTE_SECRET_KEY' },
    );
  return inTransaction(ctx, async (tx) => {
    const { rows: current } = await tx.db.query<ChannelRow>(selectChannel, [input.id]);
    const aad = channelAad(input.id);
    let config = input.config;
    if (current[0] !== undefined && current[0].kind === input.config.kind) {
      // The stored secrets, opened, stand in for the redacted ones sent back.
      const stored = mapChannelSecrets(current[0].config, (value) => openChannelSecret(value, key, aad));
      config = restoreRedactedSecrets(config, stored);
    }
    // `********` left after restoring: nothing stored to keep (a new channel, or another kind).
    const unkept: FieldIssue[] = [];
    const sealed = mapChannelSecrets(config, (value, path) => {
      if (value === redactedSecret)
        unkept.push({ path: `/config${path}`, message: 'no stored secret to keep: type it' });
      return encryptSecret(value, key, aad);
    });
    if (unkept.length > 0) throw validationError('a secret to keep is not stored', unkept);
    const { rows } = await tx.db.query<ChannelRow & { created: boolean }>(upsertChannel, [
      input.id,
      config.kind,
      input.name,
      JSON.stringify(sealed),
      input.enabled ?? true,
      tx.now(),
    ]);
    const row = rows[0]!;
    await recordAudit(tx, {
      action: row.created ? 'notification_channel.create' : 'notification_channel.update',
      targetType: 'notification_channel',
      targetId: input.id,
      details: { kind: config.kind },
    });
    return { channel: toChannelRecord(row), created: row.created };
  });
}
