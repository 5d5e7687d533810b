import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insecureWarning, sendEmail, type EmailChannelConfig } from '../../../src/notifications/senders/send-email.js';
import { renderNotification } from '../../../src/notifications/templates/render-notification.js';
import {
  issueCertificate,
  makeCertificateAuthority,
  makeSelfSignedCertificate,
} from '../../support/tls-certificates.js';
import { startTlsRelay, type TlsRelay } from '../../support/tls-smtp-server.js';
import { fullVars } from '../notification-fixtures.js';

const message = renderNotification({ kind: 'triggered', locale: 'en', channel: 'email', vars: fullVars });
const recipient = { userId: 'u-1', email: 'alice@example.com' };
const send = (port: number, overrides: Partial<EmailChannelConfig> = {}) =>
  sendEmail({
    config: { kind: 'email', host: '127.0.0.1', port, secure: false, from: 'astreinte@example.com', ...overrides },
    message,
    recipient,
    deliveryId: 'dlv-tls',
    timeoutMs: 5000,
  });

describe('sendEmail through a relay with a private certificate', () => {
  const ca = makeCertificateAuthority();
  const leaf = issueCertificate(ca);
  let relay: TlsRelay;
  beforeAll(async () => {
    relay = await startTlsRelay(leaf);
  });
  afterAll(() => relay.close());

  it('refuses, without retrying, a STARTTLS certificate from a CA it was not given', async () => {
    const result = await send(relay.port);
    expect(result).toMatchObject({ outcome: 'failed', retryable: false });
    expect(result.error).toMatch(/certificate refused \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\).*caCertificates/);
    expect(relay.received).toEqual([]);
  });

  it('sends over STARTTLS once the private CA is given, with no warning', async () => {
    const result = await send(relay.port, { caCertificates: ca.cert, requireTls: true });
    expect(result).toEqual({ outcome: 'sent', retryable: false, status: 250, providerId: 'T1' });
    expect(relay.received.at(-1)?.tls).toBe(true);
  });

  it('still refuses a certificate for another host name when given its CA', async () => {
    const elsewhere = issueCertificate(ca, { altNames: ['DNS:mail.elsewhere.test'] });
    const other = await startTlsRelay(elsewhere);
    try {
      expect(await send(other.port, { caCertificates: ca.cert })).toMatchObject({
        outcome: 'failed',
        retryable: false,
      });
      expect(other.received).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('sends when told to accept invalid certificates, and says so in a warning', async () => {
    const result = await send(relay.port, { allowInvalidCertificates: true });
    expect(result).toMatchObject({ outcome: 'sent', warning: insecureWarning });
    expect(relay.received.at(-1)?.tls).toBe(true);
  });
});

describe('sendEmail with TLS from the first byte or STARTTLS required', () => {
  const selfSigned = makeSelfSignedCertificate();

  it('sends with secure on to a relay whose self-signed certificate is given as the CA', async () => {
    const relay = await startTlsRelay(selfSigned, { secure: true });
    try {
      expect(await send(relay.port, { secure: true })).toMatchObject({ outcome: 'failed', retryable: false });
      expect(await send(relay.port, { secure: true, caCertificates: selfSigned.cert })).toMatchObject({
        outcome: 'sent',
        status: 250,
      });
      expect(relay.received.map((mail) => mail.tls)).toEqual([true]);
    } finally {
      await relay.close();
    }
  });

  it('refuses to send in clear when STARTTLS is required and the relay does not offer it', async () => {
    const relay = await startTlsRelay(selfSigned, { disabledCommands: ['STARTTLS'] });
    try {
      expect(await send(relay.port, { requireTls: true, caCertificates: selfSigned.cert })).toMatchObject({
        outcome: 'failed',
        retryable: false,
      });
      expect(await send(relay.port)).toMatchObject({ outcome: 'sent' });
      expect(relay.received.map((mail) => mail.tls)).toEqual([false]);
    } finally {
      await relay.close();
    }
  });
});
