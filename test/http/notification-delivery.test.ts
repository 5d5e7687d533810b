import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../src/notifications/senders/webhook-signature.js';
import { timelineTypes } from '../support/alert-support.js';
import { startRecordingServer, type RecordingServer } from '../support/recording-server.js';
import { relayChannelBody, startRecordingSmtp, type RecordingSmtp } from '../support/recording-smtp.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';
import { eventually } from '../support/eventually.js';

const secretKey = 'ab'.repeat(32);
const hookSecret = 'hook-secret-of-32-characters-ok!';

describe.each(testBackends)('pages delivered by e-mail and webhook on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, {
    config: { secretKey, publicUrl: 'http://127.0.0.1:8080' },
    loops: ['timers'],
  });
  let hook: RecordingServer;
  let smtp: RecordingSmtp;
  beforeAll(async () => {
    hook = await startRecordingServer();
    smtp = await startRecordingSmtp();
  });
  afterAll(async () => {
    await hook.close();
    await smtp.close();
  });

  async function setUp(serviceId: string): Promise<void> {
    const email = await t.call('PUT', '/api/v1/notification-channels/smtp', { body: relayChannelBody(smtp) });
    expect(email.statusCode, email.body).toBeLessThan(300);
    const channel = await t.call('PUT', '/api/v1/notification-channels/ops-hook', {
      body: { name: 'Ops hook', config: { kind: 'webhook', url: `${hook.url}/hook`, secret: hookSecret } },
    });
    expect(channel.statusCode, channel.body).toBeLessThan(300);
    expect(JSON.stringify(channel.json())).not.toContain(hookSecret);
    const rules = await t.call('PUT', `/api/v1/users/${t.users.responder.id}/notification-rules`, {
      token: t.users.responder.token,
      body: {
        rules: [
          { channel: 'webhook', delayMinutes: 0 },
          { channel: 'email', delayMinutes: 0 },
        ],
      },
    });
    expect(rules.statusCode, rules.body).toBe(200);
    await t.call('PUT', `/api/v1/escalation-policies/${serviceId}`, {
      body: { name: serviceId, levels: [{ delayMinutes: 0, targets: [{ type: 'user', id: t.users.responder.id }] }] },
    });
    await t.call('POST', '/api/v1/services', { body: { id: serviceId, name: serviceId } });
    await t.call('PUT', `/api/v1/services/${serviceId}/escalation-policy`, { body: { policyId: serviceId } });
  }

  it.skipIf(!available)(
    "pages the on-call person by signed webhook and e-mail, says so in the timeline, and the e-mail's link acknowledges",
    async () => {
      await setUp('payments');
      const before = hook.requests.length;
      const incident = (
        await t.call('POST', '/api/v1/incidents', {
          body: { title: 'Payments failing', services: ['payments'], severity: 'P1' },
        })
      ).json();
      const request = await eventually(
        'the webhook',
        () => hook.requests.slice(before).find((r) => r.body.includes(incident.id)) ?? null,
      );
      expect(request.headers['x-astreinte-delivery']).toMatch(/^page\./);
      expect(
        verifyWebhookSignature({
          secret: hookSecret,
          body: request.body,
          timestamp: String(request.headers['x-astreinte-timestamp']),
          signature: String(request.headers['x-astreinte-signature']),
          now: new Date(),
        }),
      ).toMatchObject({ valid: true });
      expect(JSON.parse(request.body)).toMatchObject({
        event: 'incident.triggered',
        incident: { id: incident.id, title: 'Payments failing' },
      });
      const mail = await eventually('the e-mail', () => smtp.mails.find((m) => m.raw.includes(incident.id)) ?? null);
      expect(mail.to).toBe(
        (await t.db.query<{ email: string }>('SELECT email FROM users WHERE id = $1', [t.users.responder.id])).rows[0]!
          .email,
      );
      await eventually('both recorded', async () =>
        (await timelineTypes(t, incident.id)).filter((type) => type === 'notification_sent').length === 2 ? true : null,
      );

      const link = /http:\/\/127\.0\.0\.1:8080\/ack\/([A-Za-z0-9_.-]+)/.exec(mail.raw.replace(/=\r?\n/g, ''));
      expect(link).not.toBeNull();
      expect((await t.app.inject({ method: 'GET', url: `/ack/${link![1]}` })).statusCode).toBe(200);
      const acked = await t.app.inject({ method: 'POST', url: `/ack/${link![1]}` });
      expect(acked.statusCode, acked.body).toBe(200);
      expect(acked.json()).toMatchObject({ id: incident.id, status: 'acknowledged' });
      expect((await t.app.inject({ method: 'POST', url: `/ack/${link![1]}x` })).statusCode).toBe(401);
    },
  );

  it.skipIf(!available)(
    'retries a webhook that answered 500, with the failure in the timeline, until it is delivered, then shows no last error',
    async () => {
      await setUp('search');
      hook.replyNext({ status: 500, body: 'down' });
      const incident = (
        await t.call('POST', '/api/v1/incidents', { body: { title: 'Search down', services: ['search'] } })
      ).json();
      const failed = await eventually('a failure', async () => {
        const { rows } = await t.db.query<{ payload: { retryAt: string } }>(
          `SELECT payload FROM incident_events WHERE incident_id = $1 AND type = 'notification_failed'`,
          [incident.id],
        );
        return rows[0]?.payload ?? null;
      });
      expect(Date.parse(failed.retryAt)).toBeGreaterThan(Date.now());
      const hookDelivery = async () =>
        (await t.call('GET', `/api/v1/notification-deliveries?incidentId=${incident.id}`))
          .json<{ channelId: string; status: string; lastError: string | null }[]>()
          .find((delivery) => delivery.channelId === 'ops-hook');
      expect(await hookDelivery()).toMatchObject({ status: 'pending', lastError: expect.stringMatching(/500/) });
      await t.db.query(
        `UPDATE timers SET due_at = now() WHERE kind = 'deliver' AND done_at IS NULL AND payload->>'deliveryId' LIKE $1`,
        [`page.${incident.id}.%`],
      );
      await eventually('delivered', async () => {
        const { rows } = await t.db.query<{ status: string; attempts: number }>(
          `SELECT status, attempts FROM notification_deliveries WHERE incident_id = $1 AND channel_id = 'ops-hook'`,
          [incident.id],
        );
        return rows[0]?.status === 'sent' ? rows[0] : null;
      });
      const deliveries = hook.requests.filter((r) => r.body.includes(incident.id));
      expect(deliveries).toHaveLength(2);
      expect(new Set(deliveries.map((r) => r.headers['x-astreinte-delivery'])).size).toBe(1);
      // The failure that came before is history (the timeline keeps it), not the delivery's state.
      expect(await hookDelivery()).toMatchObject({ status: 'sent', lastError: null });
    },
  );

  it.skipIf(!available)(
    'dead-letters a page the receiver refuses, lists it for the admin, and sends it again on replay',
    async () => {
      await setUp('ledger');
      hook.replyNext({ status: 400, body: 'bad request' });
      const incident = (
        await t.call('POST', '/api/v1/incidents', { body: { title: 'Ledger drift', services: ['ledger'] } })
      ).json();
      const dead = await eventually('a dead letter', async () => {
        const list = (
          await t.call('GET', `/api/v1/notification-deliveries?status=dead&incidentId=${incident.id}`)
        ).json<{ id: string; channelId: string; lastError: string }[]>();
        return list.find((delivery) => delivery.channelId === 'ops-hook') ?? null;
      });
      expect(dead.lastError).toMatch(/400/);
      expect(
        (await t.call('GET', '/api/v1/notification-deliveries', { token: t.users.responder.token })).statusCode,
      ).toBe(403);
      const replayed = await t.call('POST', `/api/v1/notification-deliveries/${dead.id}/replay`, { body: {} });
      expect(replayed.statusCode, replayed.body).toBe(200);
      await eventually('sent after replay', async () => {
        const { rows } = await t.db.query<{ status: string }>(
          'SELECT status FROM notification_deliveries WHERE id = $1',
          [dead.id],
        );
        return rows[0]?.status === 'sent' ? true : null;
      });
      expect((await t.call('POST', `/api/v1/notification-deliveries/${dead.id}/replay`, { body: {} })).statusCode).toBe(
        409,
      );
    },
  );

  it.skipIf(!available)(
    "pages by Slack and SMS in the person's language, with the admin's template, through the same engine",
    async () => {
      await setUp('maps');
      await t.call('PUT', '/api/v1/notification-channels/ops-slack', {
        body: { name: 'Slack', config: { kind: 'slack', url: `${hook.url}/slack` } },
      });
      await t.call('PUT', '/api/v1/notification-channels/sms', {
        body: {
          name: 'SMS',
          config: {
            kind: 'sms',
            baseUrl: hook.url,
            accountSid: 'AC0123456789',
            authToken: 'sms-token',
            from: '+15550001111',
          },
        },
      });
      await t.db.query(`UPDATE users SET phone = '+33612345678' WHERE id = $1`, [t.users.responder.id]);
      const rules = await t.call('PUT', `/api/v1/users/${t.users.responder.id}/notification-rules`, {
        token: t.users.responder.token,
        body: {
          rules: [
            { channel: 'slack', delayMinutes: 0 },
            { channel: 'sms', delayMinutes: 0 },
          ],
          locale: 'fr',
        },
      });
      expect(rules.json()).toMatchObject({ locale: 'fr' });
      const bad = await t.call('PUT', '/api/v1/notification-templates/triggered/fr/slack', {
        body: { template: { markdown: 'Alerte {{titel}}' } },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details.issues[0].path).toMatch(/^\/template\/markdown/);
      const good = await t.call('PUT', '/api/v1/notification-templates/triggered/fr/slack', {
        body: { template: { markdown: 'Alerte {{incidentId}} : {{title}} ({{severity}})' } },
      });
      expect(good.statusCode, good.body).toBe(200);

      const before = hook.requests.length;
      const incident = (
        await t.call('POST', '/api/v1/incidents', {
          body: { title: 'Cartes indisponibles', services: ['maps'], severity: 'P2' },
        })
      ).json();
      const slack = await eventually(
        'the Slack post',
        () => hook.requests.slice(before).find((r) => r.url === '/slack' && r.body.includes(incident.id)) ?? null,
      );
      expect(slack.body).toContain(`Alerte ${incident.id} : Cartes indisponibles (P2)`);
      const sms = await eventually(
        'the SMS',
        () => hook.requests.slice(before).find((r) => r.url.includes('/Messages.json')) ?? null,
      );
      expect(sms.url).toBe('/2010-04-01/Accounts/AC0123456789/Messages.json');
      expect(sms.headers.authorization).toBe(`Basic ${Buffer.from('AC0123456789:sms-token').toString('base64')}`);
      const form = new URLSearchParams(sms.body);
      expect(form.get('To')).toBe('+33612345678');
      expect(form.get('Body')).toContain(incident.id);
      expect(form.get('Body')!.length).toBeLessThanOrEqual(160);

      // A node died between sending this SMS and recording it: SMS has no idempotency key, so its
      // check marks it unknown, in the timeline, and does not send it again.
      // The sender records 'sent' after the provider answered: once it has, the crash is simulated
      // (overwritten before, the late 'sent' would undo it on a busy machine).
      const delivery = await eventually('the SMS recorded as sent', async () => {
        const { rows } = await t.db.query<{ id: string; attempts: number }>(
          `SELECT id, attempts FROM notification_deliveries WHERE incident_id = $1 AND channel_id = 'sms' AND status = 'sent'`,
          [incident.id],
        );
        return rows[0] ?? null;
      });
      await t.db.query(`UPDATE notification_deliveries SET status = 'sending' WHERE id = $1`, [delivery.id]);
      await t.db.query(`INSERT INTO timers (id, kind, due_at, payload) VALUES ($1, 'delivery_check', now(), $2)`, [
        `check:test:${delivery.id}`,
        JSON.stringify({ deliveryId: delivery.id, attempt: delivery.attempts }),
      ]);
      const smsBefore = hook.requests.filter((r) => r.url.includes('/Messages.json')).length;
      await eventually('marked unknown', async () => {
        const { rows: events } = await t.db.query<{ payload: { note: string } }>(
          `SELECT payload FROM incident_events WHERE incident_id = $1 AND type = 'notification_unknown'`,
          [incident.id],
        );
        return events[0]?.payload ?? null;
      });
      expect(
        (
          await t.db.query<{ status: string }>('SELECT status FROM notification_deliveries WHERE id = $1', [
            delivery.id,
          ])
        ).rows[0]!.status,
      ).toBe('unknown');
      expect(hook.requests.filter((r) => r.url.includes('/Messages.json')).length).toBe(smsBefore);
    },
  );
});
