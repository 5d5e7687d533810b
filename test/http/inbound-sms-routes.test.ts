import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';
import { startRecordingServer, type RecordingServer } from '../support/recording-server.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

const secretKey = 'ab'.repeat(32);
const publicUrl = 'https://astreinte.example.test';
const authToken = 'twilio-auth-token-of-the-account';
const pagedPhone = '+33612345678';
const otherPhone = '+33699887766';

/** Signs as Twilio documents it: the URL it called, then each POST field sorted by name, name and value; HMAC-SHA1, base64. */
function signLikeTwilio(token: string, url: string, fields: Record<string, string>): string {
  const data = Object.keys(fields)
    .sort()
    .reduce((text, name) => text + name + fields[name], url);
  return createHmac('sha1', Buffer.from(token, 'utf8')).update(Buffer.from(data, 'utf8')).digest('base64');
}

describe.each(testBackends)('acknowledging by replying to an SMS page on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, { config: { secretKey, publicUrl }, loops: ['timers'] });
  let twilio: RecordingServer;
  beforeAll(async () => {
    if (!available) return;
    twilio = await startRecordingServer();
    const channel = await t.call('PUT', '/api/v1/notification-channels/twilio', {
      body: {
        name: 'Twilio',
        config: { kind: 'sms', baseUrl: twilio.url, accountSid: 'AC0123', authToken, from: '+15005550006' },
      },
    });
    expect(channel.statusCode, channel.body).toBe(201);
    // Typed with spaces in the profile: Twilio sends the number without them.
    await t.db.query(`UPDATE users SET phone = '+33 6 12 34 56 78' WHERE id = $1`, [t.users.responder.id]);
    await t.db.query(`UPDATE users SET phone = $2 WHERE id = $1`, [t.users.viewer.id, otherPhone]);
    await t.call('PUT', `/api/v1/users/${t.users.responder.id}/notification-rules`, {
      token: t.users.responder.token,
      body: { rules: [{ channel: 'sms', delayMinutes: 0 }] },
    });
    await t.call('PUT', '/api/v1/escalation-policies/sms-policy', {
      body: { name: 'SMS', levels: [{ delayMinutes: 0, targets: [{ type: 'user', id: t.users.responder.id }] }] },
    });
    await t.call('POST', '/api/v1/services', { body: { id: 'texted', name: 'Texted' } });
    await t.call('PUT', '/api/v1/services/texted/escalation-policy', { body: { policyId: 'sms-policy' } });
  });
  afterAll(async () => {
    if (available) await twilio.close();
  });

  /** Opens an incident and reads the code from the SMS page Twilio was asked to send. */
  async function page(title: string): Promise<{ id: string; code: string; text: string }> {
    const incident = (await t.call('POST', '/api/v1/incidents', { body: { title, services: ['texted'] } })).json();
    const sms = await eventually(
      'the SMS page',
      () => twilio.requests.find((seen) => new URLSearchParams(seen.body).get('Body')?.includes(incident.id)) ?? null,
    );
    const text = new URLSearchParams(sms.body).get('Body')!;
    return { id: incident.id, code: /Reply ACK ([0-9]{4})\./.exec(text)![1]!, text };
  }

  /** Posts a reply the way Twilio's "A message comes in" webhook does. */
  function reply(options: { from: string; body: string; token?: string; channel?: string; signedUrl?: string }) {
    const path = `/inbound/sms/${options.channel ?? 'twilio'}`;
    const fields = {
      ToCountry: 'US',
      ToState: 'CA',
      SmsMessageSid: 'SM0a1b2c3d4e5f',
      NumMedia: '0',
      SmsSid: 'SM0a1b2c3d4e5f',
      SmsStatus: 'received',
      Body: options.body,
      To: '+15005550006',
      NumSegments: '1',
      MessageSid: 'SM0a1b2c3d4e5f',
      AccountSid: 'AC0123',
      From: options.from,
      ApiVersion: '2010-04-01',
    };
    const signature = signLikeTwilio(options.token ?? authToken, options.signedUrl ?? `${publicUrl}${path}`, fields);
    return t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      payload: new URLSearchParams(fields).toString(),
    });
  }

  const statusOf = async (id: string) => (await t.call('GET', `/api/v1/incidents/${id}`)).json().status as string;
  const refusals = async () =>
    (
      await t.db.query<{ details: { outcome: string; from: string } }>(
        `SELECT details FROM audit_log WHERE action = 'notification_reply.refused' ORDER BY at, id`,
      )
    ).rows.map((row) => row.details);

  it.skipIf(!available)(
    'acknowledges the paged incident as the paged person when they reply ACK and the code, and answers in TwiML',
    async () => {
      const incident = await page('Checkout & cart down');
      expect(incident.text).toMatch(/^P\d .*Checkout & cart down\. Reply ACK [0-9]{4}\. Ack: https:\/\//);
      expect(incident.text.length).toBeLessThanOrEqual(160);
      const answer = await reply({ from: pagedPhone, body: ` ack ${incident.code} ` });
      expect(answer.statusCode, answer.body).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^text\/xml/);
      expect(answer.body).toBe(
        `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${incident.id} acknowledged: Checkout &amp; cart down. Escalation stopped.</Message></Response>`,
      );
      expect(await statusOf(incident.id)).toBe('acknowledged');
      const { rows } = await t.db.query<{ actor_id: string }>(
        `SELECT actor_id FROM audit_log WHERE action = 'incident.acknowledge' AND target_id = $1`,
        [incident.id],
      );
      expect(rows).toEqual([{ actor_id: t.users.responder.id }]);
      const again = await reply({ from: pagedPhone, body: `ACK ${incident.code}` });
      expect(again.body).toContain(`${incident.id} is already acknowledged: nothing changed.`);
    },
  );

  it.skipIf(!available)(
    'refuses with 403 a reply whose signature is not Twilio’s for this channel and URL',
    async () => {
      const incident = await page('Search slow');
      const before = (await refusals()).length;
      const forged = await reply({ from: pagedPhone, body: `ACK ${incident.code}`, token: 'another-account-token' });
      expect(forged.statusCode).toBe(403);
      const elsewhere = await reply({
        from: pagedPhone,
        body: `ACK ${incident.code}`,
        signedUrl: `http://127.0.0.1/inbound/sms/twilio`,
      });
      expect(elsewhere.statusCode).toBe(403);
      const unsigned = await t.app.inject({
        method: 'POST',
        url: '/inbound/sms/twilio',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `From=${encodeURIComponent(pagedPhone)}&Body=ACK+${incident.code}`,
      });
      expect(unsigned.statusCode).toBe(403);
      expect(await statusOf(incident.id)).toBe('triggered');
      expect((await refusals()).length).toBe(before);
    },
  );

  it.skipIf(!available)('acknowledges nothing when the code comes from another phone than the one paged', async () => {
    const incident = await page('Queue backlog');
    const answer = await reply({ from: otherPhone, body: `ACK ${incident.code}` });
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain(`No page to this phone has the code ${incident.code}: nothing changed.`);
    const stranger = await reply({ from: '+14155550100', body: `ACK ${incident.code}` });
    expect(stranger.body).toContain("This phone number is not an Astreinte user's");
    expect(await statusOf(incident.id)).toBe('triggered');
    expect((await refusals()).slice(-2)).toEqual([
      { outcome: 'unknown_code', from: otherPhone },
      { outcome: 'unknown_phone', from: '+14155550100' },
    ]);
  });

  it.skipIf(!available)('answers an unknown code, or a reply that is no code, with what to send', async () => {
    const incident = await page('Cache misses');
    const wrong = String((Number(incident.code) + 1) % 10_000).padStart(4, '0');
    expect((await reply({ from: pagedPhone, body: `ACK ${wrong}` })).body).toContain(
      `No page to this phone has the code ${wrong}`,
    );
    expect((await reply({ from: pagedPhone, body: 'on it' })).body).toContain(
      'Reply ACK followed by the code in the page, e.g. ACK 1234.',
    );
    expect(await statusOf(incident.id)).toBe('triggered');
  });

  it.skipIf(!available)('says a code has expired, and acknowledges nothing with it', async () => {
    const incident = await page('Disk full');
    // Four hours later (the code's life), without waiting for them.
    await t.db.query(`UPDATE reply_codes SET expires_at = now() - interval '1 second' WHERE incident_id = $1`, [
      incident.id,
    ]);
    const answer = await reply({ from: pagedPhone, body: `ACK ${incident.code}` });
    expect(answer.body).toContain(`Code ${incident.code} has expired`);
    expect(await statusOf(incident.id)).toBe('triggered');
    expect((await refusals()).at(-1)).toEqual({ outcome: 'expired', from: pagedPhone, incidentId: incident.id });
  });

  it.skipIf(!available)('answers 404 for a channel that does not exist or does not send SMS', async () => {
    await t.call('PUT', '/api/v1/notification-channels/hook', {
      body: {
        name: 'Hook',
        config: { kind: 'webhook', url: `${twilio.url}/hook`, secret: 'a-webhook-secret-long-enough' },
      },
    });
    expect((await reply({ from: pagedPhone, body: 'ACK 1234', channel: 'nothing' })).statusCode).toBe(404);
    expect((await reply({ from: pagedPhone, body: 'ACK 1234', channel: 'hook' })).statusCode).toBe(404);
  });
});
