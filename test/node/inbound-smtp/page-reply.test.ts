import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundSmtp } from '../../../src/node/inbound-smtp/start-inbound-smtp.js';
import { readMime } from '../../notifications/senders/read-mime.js';
import { eventually } from '../../support/eventually.js';
import { relayChannelBody, startRecordingSmtp, type RecordingSmtp } from '../../support/recording-smtp.js';
import { useTestApp } from '../../support/test-app.js';
import { testBackends } from '../../support/test-database.js';
import { replyDomain as domain, replyKey, sendReply, startTestListener } from './reply-support.js';

describe.each(testBackends)('a page e-mail answered by a reply on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, {
    config: { secretKey: replyKey.toString('hex'), publicUrl: 'http://127.0.0.1:8080', inboundSmtpDomain: domain },
    loops: ['timers'],
  });
  let relay: RecordingSmtp;
  let inbound: InboundSmtp;
  beforeAll(async () => {
    // The relay page e-mails go out through, standing in for the company's mail server.
    relay = await startRecordingSmtp();
    if (available) inbound = await startTestListener(t.db);
  });
  afterAll(async () => {
    await (inbound as InboundSmtp | undefined)?.stop();
    await relay.close();
  });

  it.skipIf(!available)(
    "a page e-mail names a Reply-To of our domain, and replying to it from the person's address acknowledges",
    async () => {
      await t.call('PUT', '/api/v1/notification-channels/smtp', { body: relayChannelBody(relay) });
      await t.call('PUT', `/api/v1/users/${t.users.responder.id}/notification-rules`, {
        token: t.users.responder.token,
        body: { rules: [{ channel: 'email', delayMinutes: 0 }] },
      });
      await t.call('PUT', '/api/v1/escalation-policies/checkout', {
        body: {
          name: 'checkout',
          levels: [{ delayMinutes: 0, targets: [{ type: 'user', id: t.users.responder.id }] }],
        },
      });
      await t.call('POST', '/api/v1/services', { body: { id: 'checkout', name: 'checkout' } });
      await t.call('PUT', '/api/v1/services/checkout/escalation-policy', { body: { policyId: 'checkout' } });
      const incident = (
        await t.call('POST', '/api/v1/incidents', {
          body: { title: 'Checkout failing', services: ['checkout'], severity: 'P1' },
        })
      ).json<{ id: string }>();
      const raw = await eventually(
        'the page e-mail',
        () => relay.mails.find((mail) => mail.raw.includes(incident.id))?.raw ?? null,
      );
      const replyTo = readMime(raw).headers.get('reply-to') ?? '';
      expect(replyTo).toMatch(
        new RegExp(`^ack\\+${incident.id.slice(4)}\\.[a-z2-7]{26}@${domain.replace(/\./g, '\\.')}$`),
      );

      // The person's phone answers "Reply" with a word and the quoted page, as mail clients do.
      const answer = await sendReply(inbound.port, {
        from: 'Test Responder <RESPONDER@example.test>',
        to: replyTo,
        subject: 'Re: [P1] Checkout failing',
        inReplyTo: readMime(raw).headers.get('message-id') ?? '',
        text: 'ok\n\nOn Monday, Astreinte wrote:\n> Checkout failing',
      });
      expect(answer.code, answer.response).toBe(250);
      const after = (await t.call('GET', `/api/v1/incidents/${incident.id}`)).json<{ status: string }>();
      expect(after.status).toBe('acknowledged');
    },
  );
});
