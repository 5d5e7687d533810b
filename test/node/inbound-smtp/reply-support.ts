import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { NodemailerError, SendMailOptions } from 'nodemailer';
import pino from 'pino';
import { expect } from 'vitest';
import type { Config } from '../../../src/config/config.js';
import { startInboundSmtp, type InboundSmtp } from '../../../src/node/inbound-smtp/start-inbound-smtp.js';
import { deriveReplyKey, signReplyAddress } from '../../../src/notifications/replies/reply-address.js';
import type { Database } from '../../../src/storage/database.js';
import { testConfig, type TestApp } from '../../support/test-app.js';

export const replyDomain = 'replies.example.test';
export const replyKey = randomBytes(32);

/** A listener for replies on a free port of 127.0.0.1, with the tests' key and domain. */
export async function startTestListener(
  db: Database,
  config: Partial<Config> = {},
  closeTimeoutMs = 2000,
): Promise<InboundSmtp> {
  const listener = await startInboundSmtp({
    config: testConfig({ inboundSmtpPort: 0, inboundSmtpDomain: replyDomain, ...config }),
    db,
    now: () => new Date(),
    secretKey: replyKey,
    logger: pino({ level: 'silent' }),
    closeTimeoutMs,
  });
  return listener!;
}

/** A new triggered incident's id. */
export async function declareIncident(t: TestApp): Promise<string> {
  const response = await t.call('POST', '/api/v1/incidents', { body: { title: 'Routing down', severity: 'P1' } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

/** The reply address a page of `incidentId` to `userId` would carry (valid a day unless told). */
export function replyAddressFor(
  incidentId: string,
  userId: string,
  expiresAt = new Date(Date.now() + 24 * 3_600_000),
): string {
  return signReplyAddress({ incidentId, userId, expiresAt }, deriveReplyKey(replyKey), replyDomain)!;
}

export async function statusOf(t: TestApp, id: string): Promise<string> {
  return (await t.call('GET', `/api/v1/incidents/${id}`)).json<{ status: string }>().status;
}

/**
 * Sends through a real SMTP client, as the paged person's mail server would (from the test
 * responder unless told); resolves to the SMTP answer, refusals included.
 */
export async function sendReply(port: number, mail: SendMailOptions): Promise<{ code: number; response: string }> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    const info = await transport.sendMail({
      from: 'responder@example.test',
      subject: 'Re: [P1] Routing down',
      ...mail,
    });
    return { code: Number(info.response.slice(0, 3)), response: info.response };
  } catch (error) {
    const failure = error as NodemailerError;
    return { code: failure.responseCode ?? 0, response: failure.response ?? failure.message };
  } finally {
    transport.close();
  }
}
