import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelKindNames } from '../../src/notifications/channel-kinds.js';
import { channelSecretPaths } from '../../src/notifications/channel-secrets.js';
import { startRecordingServer, type RecordingServer } from '../support/recording-server.js';
import { webhookSignedWith } from '../support/webhook-check.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

const secretKey = 'ab'.repeat(32);
const webhookSecret = 'a-webhook-secret-of-some-length';

describe.each(testBackends)(
  'what the console does with notification channels on $backend',
  ({ backend, available }) => {
    const t = useTestApp(backend, available, { config: { secretKey } });
    let receiver: RecordingServer;
    beforeAll(async () => {
      receiver = await startRecordingServer();
    });
    afterAll(async () => {
      await receiver.close();
    });
    const putWebhook = (id: string) =>
      t.call('PUT', `/api/v1/notification-channels/${id}`, {
        body: { name: `Hook ${id}`, config: { kind: 'webhook', url: `${receiver.url}/${id}`, secret: webhookSecret } },
      });
    const auditOf = async (id: string) =>
      (
        await t.db.query<{ action: string; details: Record<string, unknown> }>(
          `SELECT action, details FROM audit_log WHERE target_type = 'notification_channel' AND target_id = $1 ORDER BY at, id`,
          [id],
        )
      ).rows;

    it.skipIf(!available)('lists every kind of the table with its configuration schema and secret fields', async () => {
      const response = await t.call('GET', '/api/v1/notification-channels/kinds');
      expect(response.statusCode, response.body).toBe(200);
      const kinds = response.json<Array<{ kind: string; schema: { properties: object }; secretPaths: string[] }>>();
      expect(kinds.map((info) => info.kind)).toEqual(channelKindNames);
      for (const info of kinds) {
        expect(info.secretPaths).toEqual(channelSecretPaths[info.kind as keyof typeof channelSecretPaths]);
        expect(Object.keys(info.schema.properties)).toContain('kind');
      }
      expect(
        (await t.call('GET', '/api/v1/notification-channels/kinds', { token: t.users.responder.token })).statusCode,
      ).toBe(403);
    });

    it.skipIf(!available)(
      'sends a signed test message through a webhook channel, says it was sent, and audits it',
      async () => {
        expect((await putWebhook('test-ok')).statusCode).toBe(201);
        const response = await t.call('POST', '/api/v1/notification-channels/test-ok/test');
        expect(response.statusCode, response.body).toBe(200);
        expect(response.json()).toMatchObject({ channelId: 'test-ok', outcome: 'sent', status: 200, to: null });
        const request = receiver.requests.find((seen) => seen.url === '/test-ok')!;
        expect(request.headers['x-astreinte-event']).toBe('channel.test');
        // Signed with the secret as typed: the sealed one was opened for the test.
        expect(webhookSignedWith(request, webhookSecret)).toEqual({ valid: true });
        expect(JSON.parse(request.body)).toMatchObject({ event: 'channel.test', incident: { title: 'Hook test-ok' } });
        expect(await auditOf('test-ok')).toEqual([
          expect.objectContaining({ action: 'notification_channel.create' }),
          {
            action: 'notification_channel.test',
            details: { kind: 'webhook', outcome: 'sent', status: 200, error: null },
          },
        ]);
      },
    );

    it.skipIf(!available)("tells a failed test and the receiver's answer, without retrying it", async () => {
      expect((await putWebhook('test-down')).statusCode).toBe(201);
      receiver.replyNext({ status: 503, body: 'maintenance' });
      const response = await t.call('POST', '/api/v1/notification-channels/test-down/test');
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ outcome: 'failed', status: 503, retryable: true });
      expect(response.json().error).toContain('maintenance');
      expect(receiver.requests.filter((seen) => seen.url === '/test-down')).toHaveLength(1);
      expect((await auditOf('test-down')).at(-1)).toMatchObject({ details: { outcome: 'failed', status: 503 } });
    });

    it.skipIf(!available)('tests only for admins, and answers 404 for a channel that does not exist', async () => {
      expect((await putWebhook('test-forbidden')).statusCode).toBe(201);
      const refused = await t.call('POST', '/api/v1/notification-channels/test-forbidden/test', {
        token: t.users.responder.token,
      });
      expect(refused.statusCode).toBe(403);
      expect(receiver.requests.filter((seen) => seen.url === '/test-forbidden')).toHaveLength(0);
      expect((await t.call('POST', '/api/v1/notification-channels/nothing-here/test')).statusCode).toBe(404);
    });

    it.skipIf(!available)(
      'keeps a stored webhook secret when an edit sends back ********, as the console does',
      async () => {
        expect((await putWebhook('kept-secret')).statusCode).toBe(201);
        const edit = await t.call('PUT', '/api/v1/notification-channels/kept-secret', {
          body: {
            name: 'Renamed',
            config: { kind: 'webhook', url: `${receiver.url}/kept-secret`, secret: '********' },
          },
        });
        expect(edit.statusCode, edit.body).toBe(200);
        expect((await t.call('POST', '/api/v1/notification-channels/kept-secret/test')).json()).toMatchObject({
          outcome: 'sent',
        });
        const request = receiver.requests.filter((seen) => seen.url === '/kept-secret').at(-1)!;
        expect(webhookSignedWith(request, webhookSecret)).toEqual({ valid: true });
      },
    );

    it.skipIf(!available)('refuses ******** for a secret that is not stored, naming the field', async () => {
      const response = await t.call('PUT', '/api/v1/notification-channels/nothing-kept', {
        body: { name: 'New', config: { kind: 'webhook', url: `${receiver.url}/x`, secret: '********' } },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().details.issues).toEqual([
        { path: '/config/secret', message: 'no stored secret to keep: type it' },
      ]);
    });

    it.skipIf(!available)('deletes a channel nothing was sent through, with an audit row', async () => {
      expect((await putWebhook('to-delete')).statusCode).toBe(201);
      const response = await t.call('DELETE', '/api/v1/notification-channels/to-delete');
      expect(response.statusCode, response.body).toBe(204);
      const ids = (await t.call('GET', '/api/v1/notification-channels'))
        .json()
        .map((channel: { id: string }) => channel.id);
      expect(ids).not.toContain('to-delete');
      expect((await auditOf('to-delete')).at(-1)).toEqual({
        action: 'notification_channel.delete',
        details: { kind: 'webhook' },
      });
      expect((await t.call('DELETE', '/api/v1/notification-channels/to-delete')).statusCode).toBe(404);
    });

    it.skipIf(!available)('refuses to delete a channel with deliveries on record: they are history', async () => {
      expect((await putWebhook('with-history')).statusCode).toBe(201);
      await t.db.query(
        `INSERT INTO notification_deliveries (id, channel_id, kind, recipient, status, message, created_at, updated_at)
       VALUES ('d-history', 'with-history', 'page', 'someone', 'sent', '{}', now(), now())`,
      );
      const response = await t.call('DELETE', '/api/v1/notification-channels/with-history');
      expect(response.statusCode).toBe(409);
      expect(response.json().details).toEqual({ deliveries: 1 });
      expect((await t.call('GET', '/api/v1/notification-channels')).body).toContain('with-history');
    });
  },
);
