import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundSmtp } from '../../../src/node/inbound-smtp/start-inbound-smtp.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { testBackends } from '../../support/test-database.js';
import {
  declareIncident,
  replyAddressFor,
  replyDomain as domain,
  sendReply,
  startTestListener,
  statusOf,
} from './reply-support.js';

describe.each(testBackends)('replies by e-mail on $backend', ({ backend, available }) => {
  let t: TestApp;
  let smtp: InboundSmtp;
  beforeAll(async () => {
    if (!available) return;
    t = await createTestApp(backend);
    smtp = await startTestListener(t.db, { inboundSmtpMaxBytes: 8192 });
  });
  afterAll(async () => {
    await (smtp as InboundSmtp | undefined)?.stop();
    await (t as TestApp | undefined)?.close();
  });

  const declare = (): Promise<string> => declareIncident(t);
  const addressFor = (incidentId: string, expiresAt?: Date): string =>
    replyAddressFor(incidentId, t.users.responder.id, expiresAt);
  const send = (mail: Parameters<typeof sendReply>[1]): ReturnType<typeof sendReply> => sendReply(smtp.port, mail);
  const auditOf = async (id: string): Promise<{ action: string; actor_name: string; details: unknown }[]> =>
    (
      await t.db.query<{ action: string; actor_name: string; details: unknown }>(
        `SELECT action, actor_name, details FROM audit_log WHERE target_id = $1 ORDER BY id`,
        [id],
      )
    ).rows;

  it.skipIf(!available)('a plain reply from the paged person acknowledges the incident, as them', async () => {
    const id = await declare();
    const answer = await send({ to: addressFor(id), text: 'on it\n\n> [P1] Routing down' });
    expect(answer.code, answer.response).toBe(250);
    expect(await statusOf(t, id)).toBe('acknowledged');
    expect(await auditOf(id)).toContainEqual(
      expect.objectContaining({ action: 'incident.acknowledge', actor_name: 'Test responder' }),
    );
  });

  it.skipIf(!available)('RESOLVE on the first line resolves it, and the address is refused from then on', async () => {
    const id = await declare();
    const address = addressFor(id);
    expect((await send({ to: address.toUpperCase(), text: 'Resolve\nfixed the proxy' })).code).toBe(250);
    expect(await statusOf(t, id)).toBe('resolved');
    expect(await t.call('POST', `/api/v1/incidents/${id}/reopen`, { body: {} })).toHaveProperty('statusCode', 200);
    const again = await send({ to: address, text: 'ACK' });
    expect(again.code).toBe(550);
    expect(again.response).toMatch(/resolved/);
    expect(await statusOf(t, id)).toBe('triggered');
  });

  it.skipIf(!available)('a reply from anyone but the paged person is refused and changes nothing', async () => {
    const id = await declare();
    const otherEnvelope = await send({ to: addressFor(id), from: 'viewer@example.test', text: 'ACK' });
    expect(otherEnvelope.code).toBe(550);
    const otherHeader = await send({
      to: addressFor(id),
      from: 'viewer@example.test',
      envelope: { from: 'responder@example.test', to: addressFor(id) },
      text: 'ACK',
    });
    expect(otherHeader.code).toBe(550);
    expect(otherHeader.response).toMatch(/From header/);
    expect(await statusOf(t, id)).toBe('triggered');
    expect(await auditOf(id)).toContainEqual(
      expect.objectContaining({
        action: 'incident.email_reply_refused',
        details: expect.objectContaining({ reason: 'sender_mismatch' }),
      }),
    );
  });

  it.skipIf(!available)('an unknown, altered, expired or foreign address is refused at RCPT with 550', async () => {
    const id = await declare();
    const good = addressFor(id);
    const altered = good.replace(/\.(.)/, (_all, char: string) => `.${char === 'a' ? 'b' : 'a'}`);
    const expired = addressFor(id, new Date(Date.now() - 1000));
    for (const to of [
      'ack+1.aaaaaaaaaaaaaaaaaaaaaaaaaa@' + domain,
      altered,
      'someone@' + domain,
      good.replace(domain, 'example.org'),
    ]) {
      const answer = await send({ to, text: 'ACK' });
      expect(answer.code, to).toBe(550);
      expect(answer.response).toMatch(/5\.1\.1 No such reply address/);
    }
    expect((await send({ to: expired, text: 'ACK' })).response).toMatch(/expired/);
    expect(await statusOf(t, id)).toBe('triggered');
  });

  it.skipIf(!available)('an automatic answer (out of office) does not acknowledge', async () => {
    const id = await declare();
    const answer = await send({ to: addressFor(id), text: 'I am away', headers: { 'Auto-Submitted': 'auto-replied' } });
    expect(answer.code).toBe(550);
    expect(await statusOf(t, id)).toBe('triggered');
  });

  it.skipIf(!available)('a message over the size limit is refused with 552', async () => {
    const id = await declare();
    const answer = await send({ to: addressFor(id), text: `ACK\n${'x'.repeat(20_000)}` });
    expect(answer.code).toBe(552);
    expect(await statusOf(t, id)).toBe('triggered');
  });

  it.skipIf(!available)(
    'a reply to an incident someone already acknowledged is accepted and changes nothing',
    async () => {
      const id = await declare();
      await t.call('POST', `/api/v1/incidents/${id}/acknowledge`, { body: {} });
      expect((await send({ to: addressFor(id), text: 'ACK' })).code).toBe(250);
      expect(await auditOf(id)).toContainEqual(
        expect.objectContaining({
          action: 'incident.email_reply_not_applied',
          details: { action: 'acknowledge', status: 'acknowledged' },
        }),
      );
    },
  );
});
