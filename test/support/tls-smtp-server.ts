import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { CertificatePair } from './tls-certificates.js';

/** A message a relay accepted: whether it came over TLS (STARTTLS or from the first byte), and to whom. */
export interface TlsRelayMail {
  tls: boolean;
  to: string[];
}

export interface TlsRelay {
  port: number;
  received: TlsRelayMail[];
  close: () => Promise<void>;
}

/**
 * A real SMTP relay on 127.0.0.1 presenting `certificate`: STARTTLS offered by default, TLS from the
 * first byte with `{ secure: true }`, no STARTTLS with `{ disabledCommands: ['STARTTLS'] }`.
 */
export async function startTlsRelay(
  certificate: CertificatePair,
  options: Partial<SMTPServerOptions> = {},
): Promise<TlsRelay> {
  const received: TlsRelayMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    logger: false,
    key: certificate.key,
    cert: certificate.cert,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        received.push({ tls: session.secure, to: session.envelope.rcptTo.map((rcpt) => rcpt.address) });
        callback(null, 'Message queued as T1');
      });
    },
    ...options,
  });
  // A client that drops the connection on a certificate it refuses is what these tests expect.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
