import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insecureWarning } from '../../src/notifications/senders/send-email.js';
import { issueCertificate, makeCertificateAuthority } from '../support/tls-certificates.js';
import { startTlsRelay, type TlsRelay } from '../support/tls-smtp-server.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

const secretKey = 'ab'.repeat(32);
const ca = makeCertificateAuthority('Relay Private CA');
const leaf = issueCertificate(ca);

describe.each(testBackends)(
  'an e-mail channel through a relay with a private CA on $backend',
  ({ backend, available }) => {
    const t = useTestApp(backend, available, { config: { secretKey } });
    let relay: TlsRelay;
    beforeAll(async () => {
      relay = await startTlsRelay(leaf);
    });
    afterAll(() => relay.close());

    const putEmail = (id: string, tls: Record<string, unknown>) =>
      t.call('PUT', `/api/v1/notification-channels/${id}`, {
        body: {
          name: `Relay ${id}`,
          config: {
            kind: 'email',
            host: '127.0.0.1',
            port: relay.port,
            secure: false,
            requireTls: true,
            from: 'astreinte@example.test',
            ...tls,
          },
        },
      });
    const testOf = async (id: string) => {
      const response = await t.call('POST', `/api/v1/notification-channels/${id}/test`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ outcome: string; retryable: boolean; error?: string; warning?: string }>();
    };

    it.skipIf(!available)("says why the test failed while the relay's CA is not given", async () => {
      expect((await putEmail('relay-plain', {})).statusCode).toBe(201);
      const answer = await testOf('relay-plain');
      expect(answer).toMatchObject({ outcome: 'failed', retryable: false });
      expect(answer.error).toContain('caCertificates');
      expect(answer.warning).toBeUndefined();
    });

    it.skipIf(!available)('sends the test once the CA bundle is stored, with no warning', async () => {
      const before = relay.received.length;
      expect((await putEmail('relay-ca', { caCertificates: ca.cert })).statusCode).toBe(201);
      const answer = await testOf('relay-ca');
      expect(answer).toMatchObject({ outcome: 'sent' });
      expect(answer.warning).toBeUndefined();
      expect(relay.received.length).toBe(before + 1);
      const stored = (await t.call('GET', '/api/v1/notification-channels')).json<{ id: string; config: object }[]>();
      expect(stored.find((channel) => channel.id === 'relay-ca')?.config).toMatchObject({ caCertificates: ca.cert });
    });

    it.skipIf(!available)(
      'sends when invalid certificates are accepted, and warns in the answer and the audit',
      async () => {
        expect((await putEmail('relay-insecure', { allowInvalidCertificates: true })).statusCode).toBe(201);
        expect(await testOf('relay-insecure')).toMatchObject({ outcome: 'sent', warning: insecureWarning });
        const { rows } = await t.db.query<{ details: Record<string, unknown> }>(
          `SELECT details FROM audit_log WHERE action = 'notification_channel.test' AND target_id = 'relay-insecure'`,
        );
        expect(rows.map((row) => row.details)).toEqual([expect.objectContaining({ warning: insecureWarning })]);
      },
    );

    it.skipIf(!available)('refuses a CA bundle that holds no certificate, naming the field', async () => {
      const response = await putEmail('relay-bad-ca', { caCertificates: 'not a certificate' });
      expect(response.statusCode).toBe(400);
      expect(JSON.stringify(response.json())).toContain('/config/caCertificates');
    });

    it.skipIf(!available)('documents the dangerous option in both languages for the generated form', async () => {
      const kinds = (await t.call('GET', '/api/v1/notification-channels/kinds')).json<
        { kind: string; schema: { properties: Record<string, Record<string, string>> } }[]
      >();
      const option = kinds.find((info) => info.kind === 'email')!.schema.properties['allowInvalidCertificates']!;
      expect(option['description']).toMatch(/^DANGEROUS/);
      expect(option['x-description-fr']).toMatch(/^DANGEREUX/);
    });
  },
);
