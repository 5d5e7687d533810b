import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { NodemailerError } from 'nodemailer';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInboundSmtp, type InboundSmtp } from '../../../src/node/inbound-smtp/start-inbound-smtp.js';
import { deriveReplyKey, signReplyAddress } from '../../../src/notifications/replies/reply-address.js';
import type { Database } from '../../../src/storage/database.js';
import { createTestApp, testConfig, type TestApp } from '../../support/test-app.js';
import { testBackends } from '../../support/test-database.js';

const domain = 'replies.example.test';
const key = randomBytes(32);
const dayMs = 24 * 3_600_000;

describe.each(testBackends)('replies by e-mail on $backend', ({ backend, available }) => {
  let t: TestApp;
  let smtp: InboundSmtp;
  beforeAll(async () => {
    if (!available) return;
    t = await createTestApp(backend);
    const config = testConfig({ inboundSmtpPort: 0, inboundSmtpDomain: domain, inboundSmtpMaxBytes: 8192 });
    const logger = pino({ level: 'silent' });
    smtp = (await startInboundSmtp({ config, db: t.db, now: () => new Date(), secretKey: key, logger, closeTimeoutMs: 2000 }))!;
  });
  afterAll(async () => {
    await (smtp as InboundSmtp | undefined)?.stop();
    await (t as TestApp | undefined)?.close();
  });

  const declare = async (): Promise<string> => {
    const response = await t.call('POST', '/api/v1/incidents', { body: { title: 'Routing down', severity: 'P1' } });
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { id: string }).id;
  };
  const addressFor = (incidentId: string, userId = t.users.responder.id, expiresAt = new Date(Date.now() + dayMs)): string =>
    signReplyAddress({ incidentId, userId, expiresAt }, deriveReplyKey(key), domain)!;
  const statusOf = async (id: string): Promise<string> =>
    ((await t.call('GET', `/api/v1/incidents/${id}`)).json() as { status: string }).status;
  const auditOf = async (id: string): Promise<{ action: string; actor_name: string; details: Record<string, unknown> }[]> =>
    (
      await t.db.query<{ action: string; actor_name: string; details: Record<string, unknown> }>(
        `SELECT action, actor_name, details FROM audit_log WHERE target_id = $1 ORDER BY id`,
        [id],
      )
    ).rows;
  /** Sends through a real SMTP client, as the paged person's mail server would; resolves to the SMTP answer. */
  const send = async (mail: nodemailer.SendMailOptions): Promise<{ code: number; response: string }> => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
    try {
      const info = await transport.sendMail({ from: 'responder@example.test', subject: 'Re: [P1] Routing down', ...mail });
      return { code: Number(info.response.slice(0, 3)), response: info.response };
    } catch (error) {
      const failure = error as NodemailerError;
      return { code: failure.responseCode ?? 0, response: failure.response ?? failure.message };
    } finally {
      transport.close();
    }
  };

  it.skipIf(!available)('a plain reply from the paged person acknowledges the incident, as them', async () => {
    const id = await declare();
    const answer = await send({ to: addressFor(id), text: 'on it\n\n> [P1] Routing down' });
    expect(answer.code, answer.response).toBe(250);
    expect(await statusOf(id)).toBe('acknowledged');
    expect(await auditOf(id)).toContainEqual(
      expect.objectContaining({ action: 'incident.acknowledge', actor_name: 'Test responder' }),
    );
  });

  it.skipIf(!available)('RESOLVE on the first line resolves it, and the address is refused from then on', async () => {
    const id = await declare();
    const address = addressFor(id);
    expect((await send({ to: address.toUpperCase(), text: 'Resolve\nfixed the proxy' })).code).toBe(250);
    expect(await statusOf(id)).toBe('resolved');
    expect(await t.call('POST', `/api/v1/incidents/${id}/reopen`, { body: {} })).toHaveProperty('statusCode', 200);
    const again = await send({ to: address, text: 'ACK' });
    expect(again.code).toBe(550);
    expect(again.response).toMatch(/resolved/);
    expect(await statusOf(id)).toBe('triggered');
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
    expect(await statusOf(id)).toBe('triggered');
    expect(await auditOf(id)).toContainEqual(
      expect.objectContaining({ action: 'incident.email_reply_refused', details: expect.objectContaining({ reason: 'sender_mismatch' }) }),
    );
  });

  it.skipIf(!available)('an unknown, altered, expired or foreign address is refused at RCPT with 550', async () => {
    const id = await declare();
    const good = addressFor(id);
    const altered = good.replace(/\.(.)/, (_all, char: string) => `.${char === 'a' ? 'b' : 'a'}`);
    const expired = addressFor(id, t.users.responder.id, new Date(Date.now() - 1000));
    for (const to of ['ack+1.aaaaaaaaaaaaaaaaaaaaaaaaaa@' + domain, altered, 'someone@' + domain, good.replace(domain, 'example.org')]) {
      const answer = await send({ to, text: 'ACK' });
      expect(answer.code, to).toBe(550);
      expect(answer.response).toMatch(/5\.1\.1 No such reply address/);
    }
    expect((await send({ to: expired, text: 'ACK' })).response).toMatch(/expired/);
    expect(await statusOf(id)).toBe('triggered');
  });

  it.skipIf(!available)('an automatic answer (out of office) does not acknowledge', async () => {
    const id = await declare();
    const answer = await send({ to: addressFor(id), text: 'I am away', headers: { 'Auto-Submitted': 'auto-replied' } });
    expect(answer.code).toBe(550);
    expect(await statusOf(id)).toBe('triggered');
  });

  it.skipIf(!available)('a message over the size limit is refused with 552', async () => {
    const id = await declare();
    const answer = await send({ to: addressFor(id), text: `ACK\n${'x'.repeat(20_000)}` });
    expect(answer.code).toBe(552);
    expect(await statusOf(id)).toBe('triggered');
  });

  it.skipIf(!available)('a reply to an incident someone already acknowledged is accepted and changes nothing', async () => {
    const id = await declare();
    await t.call('POST', `/api/v1/incidents/${id}/acknowledge`, { body: {} });
    expect((await send({ to: addressFor(id), text: 'ACK' })).code).toBe(250);
    expect(await auditOf(id)).toContainEqual(
      expect.objectContaining({ action: 'incident.email_reply_not_applied', details: { action: 'acknowledge', status: 'acknowledged' } }),
    );
  });

  it.skipIf(!available)('stopping waits for the reply in flight, which is answered and acted on', async () => {
    const id = await declare();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Acting on the reply (its transaction) waits for the gate: the message was received, its answer
    // not given, when stopping starts. (A session still before DATA gets 421 and its server retries.)
    const slowDb = new Proxy(t.db, {
      get: (target, name, receiver) =>
        name === 'transaction'
          ? async (...args: Parameters<Database['transaction']>) => {
              await gate;
              return target.transaction(...args);
            }
          : (Reflect.get(target, name, receiver) as unknown),
    });
    const config = testConfig({ inboundSmtpPort: 0, inboundSmtpDomain: domain });
    const slow = (await startInboundSmtp({
      config,
      db: slowDb,
      now: () => new Date(),
      secretKey: key,
      logger: pino({ level: 'silent' }),
      closeTimeoutMs: 5000,
    }))!;
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: slow.port, secure: false, ignoreTLS: true });
    const sending = transport.sendMail({ from: 'responder@example.test', to: addressFor(id), text: 'ACK' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    let stopped = false;
    const stopping = slow.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stopped).toBe(false);
    release();
    expect((await sending).response).toMatch(/^250/);
    transport.close();
    await stopping;
    expect(await statusOf(id)).toBe('acknowledged');
  });
});
