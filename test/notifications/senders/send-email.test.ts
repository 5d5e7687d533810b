import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  classifySmtpError,
  sendEmail,
  type EmailChannelConfig,
} from '../../../src/notifications/senders/send-email.js';
import { renderNotification } from '../../../src/notifications/templates/render-notification.js';
import { refusedUrl } from '../../support/recording-server.js';
import { fullVars } from '../notification-fixtures.js';
import { readMime } from './read-mime.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on 127.0.0.1, plain text (no STARTTLS), recording what it accepts. */
async function startSmtp(
  options: Partial<SMTPServerOptions> = {},
): Promise<{ port: number; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((address) => address.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback(null, 'Message queued as Q12345');
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const smtpError = (message: string, responseCode: number): Error => Object.assign(new Error(message), { responseCode });
const channel = (port: number, overrides: Partial<EmailChannelConfig> = {}): EmailChannelConfig => ({
  kind: 'email',
  host: '127.0.0.1',
  port,
  secure: false,
  from: 'Astreinte <astreinte@example.com>',
  ...overrides,
});
const recipient = { userId: 'u-1', name: 'Alice Martin', email: 'alice@example.com' };

describe('sendEmail', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(() => smtp.close());

  it('delivers subject, plain text and HTML with the delivery id as Message-ID', async () => {
    const message = renderNotification({ kind: 'triggered', locale: 'fr', channel: 'email', vars: fullVars });
    const result = await sendEmail({ config: channel(smtp.port), message, recipient, deliveryId: 'dlv-mail-1' });
    expect(result).toEqual({ outcome: 'sent', retryable: false, status: 250, providerId: 'Q12345' });
    const mail = smtp.received.at(-1)!;
    expect(mail.from).toBe('astreinte@example.com');
    expect(mail.to).toEqual(['alice@example.com']);
    const parsed = readMime(mail.raw);
    expect(parsed.headers.get('message-id')).toBe('<dlv-mail-1@astreinte>');
    expect(parsed.headers.get('x-astreinte-delivery')).toBe('dlv-mail-1');
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.headers.get('subject')).toBe('[P1] INC-42 déclenché : Checkout API errors > 20% & <rising>');
    expect(parsed.headers.get('to')).toBe('Alice Martin <alice@example.com>');
    expect(parsed.headers.get('from')).toBe('Astreinte <astreinte@example.com>');
    expect(parsed.text).toBe(message.text);
    expect(parsed.text).toContain('Checkout API errors > 20% & <rising>');
    expect(parsed.html).toBe(message.html);
    expect(parsed.html).toContain('Checkout API errors &gt; 20% &amp; &lt;rising&gt;');
    expect(parsed.html).toContain(`<a href="${fullVars.ackUrl}"><strong>Acquitter</strong></a>`);
  });

  it('logs in when the relay asks for credentials, and does not retry a refused password', async () => {
    const auth = await startSmtp({
      authOptional: false,
      allowInsecureAuth: true,
      onAuth(login, _session, callback) {
        if (login.username === 'astreinte' && login.password === 'smtp-pass') callback(null, { user: login.username });
        else callback(smtpError('Invalid username or password', 535));
      },
    });
    try {
      const message = renderNotification({ kind: 'resolved', locale: 'en', channel: 'email', vars: fullVars });
      const good = await sendEmail({
        config: channel(auth.port, { auth: { user: 'astreinte', password: 'smtp-pass' } }),
        message,
        recipient,
        deliveryId: 'dlv-auth-1',
      });
      expect(good.outcome).toBe('sent');
      expect(readMime(auth.received.at(-1)!.raw).headers.get('subject')).toBe(message.subject);
      const bad = await sendEmail({
        config: channel(auth.port, { auth: { user: 'astreinte', password: 'wrong' } }),
        message,
        recipient,
        deliveryId: 'dlv-auth-2',
      });
      expect(bad).toMatchObject({ outcome: 'failed', retryable: false, status: 535 });
    } finally {
      await auth.close();
    }
  });

  it.each([
    { code: 550, where: 'recipient', retryable: false },
    { code: 451, where: 'recipient', retryable: true },
    { code: 554, where: 'data', retryable: false },
    { code: 452, where: 'data', retryable: true },
  ])('classifies an SMTP $code on $where as retryable: $retryable', async ({ code, where, retryable }) => {
    const rejecting = await startSmtp(
      where === 'recipient'
        ? { onRcptTo: (_address, _session, callback) => callback(smtpError('mailbox says no', code)) }
        : {
            onData: (stream, _session, callback) => {
              stream.resume();
              stream.on('end', () => callback(smtpError('content says no', code)));
            },
          },
    );
    try {
      const message = renderNotification({ kind: 'triggered', locale: 'en', channel: 'email', vars: fullVars });
      const result = await sendEmail({
        config: channel(rejecting.port),
        message,
        recipient,
        deliveryId: `dlv-${code}`,
      });
      expect(result).toMatchObject({ outcome: 'failed', retryable, status: code });
      expect(result.error).toContain(String(code));
    } finally {
      await rejecting.close();
    }
  });

  it('reports a refused connection as retryable', async () => {
    const port = Number(new URL(await refusedUrl()).port);
    const message = renderNotification({ kind: 'triggered', locale: 'en', channel: 'email', vars: fullVars });
    expect(await sendEmail({ config: channel(port), message, recipient, deliveryId: 'dlv-refused' })).toMatchObject({
      outcome: 'failed',
      retryable: true,
    });
  });

  it('gives up on a relay that never greets, as retryable', async () => {
    const sockets: Socket[] = [];
    const silent: TcpServer = createTcpServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    try {
      const { port } = silent.address() as AddressInfo;
      const message = renderNotification({ kind: 'triggered', locale: 'en', channel: 'email', vars: fullVars });
      const started = Date.now();
      const result = await sendEmail({
        config: channel(port),
        message,
        recipient,
        deliveryId: 'dlv-silent',
        timeoutMs: 300,
      });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(result).toEqual({ outcome: 'failed', retryable: true, error: 'timed out after 300 ms' });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('fails without retry, and without connecting, when the recipient has no address', async () => {
    const before = smtp.received.length;
    const message = renderNotification({ kind: 'triggered', locale: 'en', channel: 'email', vars: fullVars });
    expect(
      await sendEmail({ config: channel(smtp.port), message, recipient: { userId: 'u-9' }, deliveryId: 'dlv-none' }),
    ).toEqual({
      outcome: 'failed',
      retryable: false,
      error: 'the recipient has no e-mail address',
    });
    expect(smtp.received.length).toBe(before);
  });
});

describe('classifySmtpError', () => {
  it.each([
    { error: { code: 'EENVELOPE', responseCode: 421, message: 'closing' }, retryable: true },
    { error: { code: 'EENVELOPE', responseCode: 503, message: 'bad sequence' }, retryable: true },
    { error: { code: 'EMESSAGE', responseCode: 552, message: 'too big', permanent: true }, retryable: false },
    { error: { code: 'ESOCKET', originalCode: 'ECONNRESET', message: 'reset' }, retryable: true },
    { error: { code: 'EDNS', message: 'no such host' }, retryable: true },
    { error: { code: 'ETLS', message: 'certificate expired' }, retryable: false },
    { error: { code: 'EAUTH', message: 'no mechanism' }, retryable: false },
  ])('$error.code $error.responseCode → retryable: $retryable', ({ error, retryable }) => {
    expect(classifySmtpError(Object.assign(new Error(error.message), error))).toMatchObject({
      outcome: 'failed',
      retryable,
    });
  });
});
