import { parseSecretKey } from '../../src/execution/secrets/secret-crypto.js';
import { deriveAckKey, signAckToken, type AckLinkAction } from '../../src/notifications/ack-link.js';
import type { TestApp } from './test-app.js';

/** The server key of the apps these tests start (`config.secretKey`). */
export const ackTestSecretKey = 'cd'.repeat(32);
const key = deriveAckKey(parseSecretKey(ackTestSecretKey));

/** A link's token as a page would carry it: for `userId`, sent a minute ago, valid an hour, both actions by default. */
export function ackToken(
  incidentId: string,
  userId: string,
  options: { actions?: AckLinkAction[]; issuedAt?: Date; expiresAt?: Date } = {},
): string {
  const now = Date.now();
  return signAckToken(
    {
      incidentId,
      userId,
      issuedAt: options.issuedAt ?? new Date(now - 60_000),
      expiresAt: options.expiresAt ?? new Date(now + 3_600_000),
      actions: options.actions ?? ['acknowledge', 'resolve'],
    },
    key,
  );
}

/** An incident on the given services, declared through the API, with an alert as its first alert. */
export async function incidentWithAlert(
  t: TestApp,
  title: string,
  alert: { title: string; description?: string },
  services: string[] = [],
): Promise<{ id: string }> {
  const declared = await t.call('POST', '/api/v1/incidents', { body: { title, severity: 'P1', services } });
  if (declared.statusCode !== 201) throw new Error(`declaring failed: ${declared.body}`);
  const incident = declared.json<{ id: string }>();
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO integrations (name, kind, key_hash, key_hint, created_at, updated_at)
     VALUES ($1, 'webhook', $1, 'hint', now(), now()) RETURNING id`,
    [`ack-test-${incident.id}`],
  );
  await t.db.query(
    `INSERT INTO alerts (integration_id, fingerprint, status, title, severity, labels, annotations, starts_at,
       first_seen_at, last_seen_at, group_key, incident_id)
     VALUES ($1, $2, 'firing', $3, 'P1', '{}', $4, now(), now(), now(), $2, $5)`,
    [
      rows[0]!.id,
      `fp-${incident.id}`,
      alert.title,
      JSON.stringify(alert.description === undefined ? {} : { description: alert.description }),
      incident.id,
    ],
  );
  return incident;
}
