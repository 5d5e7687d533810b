import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingServer, type RecordingServer } from '../support/recording-server.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

const secretKey = 'cd'.repeat(32);

describe.each(testBackends)(
  "a person's profile: notification rules and test page on $backend",
  ({ backend, available }) => {
    const t = useTestApp(backend, available, { config: { secretKey } });
    let receiver: RecordingServer;
    beforeAll(async () => {
      receiver = await startRecordingServer();
      if (!available) return;
      await t.call('PUT', '/api/v1/notification-channels/profile-hook', {
        body: {
          name: 'Hook',
          config: { kind: 'webhook', url: `${receiver.url}/hook`, secret: 'a-secret-of-some-length' },
        },
      });
      await t.call('PUT', '/api/v1/notification-channels/profile-sms', {
        body: {
          name: 'SMS',
          config: { kind: 'sms', baseUrl: receiver.url, accountSid: 'AC1', authToken: 'token', from: '+33600000000' },
        },
      });
    });
    afterAll(async () => {
      await receiver.close();
    });

    it.skipIf(!available)('reads back the rules and language a person set for themself', async () => {
      const token = t.users.responder.token;
      const url = `/api/v1/users/${t.users.responder.id}/notification-rules`;
      const rules = [
        { channel: 'email', delayMinutes: 0 },
        { channel: 'sms', delayMinutes: 5 },
      ];
      expect((await t.call('PUT', url, { token, body: { rules, locale: 'fr' } })).statusCode).toBe(200);
      const response = await t.call('GET', url, { token });
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json<{
        rules: unknown;
        locale: string;
        kinds: Array<{ kind: string; enabled: boolean }>;
      }>();
      expect({ rules: body.rules, locale: body.locale }).toEqual({ rules, locale: 'fr' });
      expect(body.kinds).toContainEqual(expect.objectContaining({ kind: 'sms', contact: 'phone', enabled: true }));
      expect(body.kinds).toContainEqual(expect.objectContaining({ kind: 'slack', enabled: false }));
    });

    it.skipIf(!available)("refuses another person's rules to a non-admin, and answers 404 for nobody", async () => {
      const other = `/api/v1/users/${t.users.admin.id}`;
      expect((await t.call('GET', `${other}/notification-rules`, { token: t.users.viewer.token })).statusCode).toBe(
        403,
      );
      expect((await t.call('POST', `${other}/test-page`, { token: t.users.viewer.token })).statusCode).toBe(403);
      const nobody = '/api/v1/users/00000000-0000-4000-8000-000000000000';
      expect((await t.call('GET', `${nobody}/notification-rules`)).statusCode).toBe(404);
      expect((await t.call('POST', `${nobody}/test-page`)).statusCode).toBe(404);
    });

    it.skipIf(!available)(
      'sends a test page through each rule at once and tells per rule what came of it, audited',
      async () => {
        const person = t.users.viewer;
        const rules = [
          { channel: 'webhook', delayMinutes: 0 },
          { channel: 'sms', delayMinutes: 5 },
          { channel: 'slack', delayMinutes: 10 },
        ];
        await t.call('PUT', `/api/v1/users/${person.id}/notification-rules`, { token: person.token, body: { rules } });
        const before = receiver.requests.length;
        const response = await t.call('POST', `/api/v1/users/${person.id}/test-page`, { token: person.token });
        expect(response.statusCode, response.body).toBe(200);
        // No body, as before urgencies: the high urgency, which rules saved without one are for.
        expect(response.json()).toEqual({
          userId: person.id,
          urgency: 'high',
          rules: [
            {
              channel: 'webhook',
              delayMinutes: 0,
              urgency: 'any',
              channelId: 'profile-hook',
              outcome: 'sent',
              to: null,
              status: 200,
            },
            {
              channel: 'sms',
              delayMinutes: 5,
              urgency: 'any',
              channelId: 'profile-sms',
              outcome: 'no-address',
              to: null,
            },
            { channel: 'slack', delayMinutes: 10, urgency: 'any', channelId: null, outcome: 'no-channel', to: null },
          ],
        });
        expect(receiver.requests.slice(before).map((request) => request.url)).toEqual(['/hook']);
        const { rows } = await t.db.query<{ action: string; actor_id: string }>(
          `SELECT action, actor_id FROM audit_log WHERE target_type = 'user' AND target_id = $1 AND action = 'user.test_page'`,
          [person.id],
        );
        expect(rows).toEqual([{ action: 'user.test_page', actor_id: person.id }]);
      },
    );

    it.skipIf(!available)('sends a low-urgency test page through the low and any rules only', async () => {
      const person = t.users.viewer;
      const rules = [
        { channel: 'webhook', delayMinutes: 0, urgency: 'high' },
        { channel: 'slack', delayMinutes: 0, urgency: 'low' },
        { channel: 'webhook', delayMinutes: 15 },
      ];
      await t.call('PUT', `/api/v1/users/${person.id}/notification-rules`, { token: person.token, body: { rules } });
      const url = `/api/v1/users/${person.id}/test-page`;
      const low = await t.call('POST', url, { token: person.token, body: { urgency: 'low' } });
      expect(low.statusCode, low.body).toBe(200);
      const tried = low.json<{ urgency: string; rules: { delayMinutes: number; urgency: string }[] }>();
      expect(tried.urgency).toBe('low');
      expect(tried.rules.map(({ delayMinutes, urgency }) => ({ delayMinutes, urgency }))).toEqual([
        { delayMinutes: 0, urgency: 'low' },
        { delayMinutes: 15, urgency: 'any' },
      ]);
      const bad = await t.call('POST', url, { token: person.token, body: { urgency: 'urgent' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('/urgency');
    });
  },
);
