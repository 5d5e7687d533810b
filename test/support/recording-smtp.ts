import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as the stand-in relay received it: its envelope recipients (comma-joined) and source. */
export interface RecordedMail {
  to: string;
  raw: string;
}

export interface RecordingSmtp {
  port: number;
  mails: RecordedMail[];
  close(): Promise<void>;
}

/**
 * A plain SMTP relay on 127.0.0.1 (no STARTTLS, no AUTH) accepting and recording every message:
 * the stand-in for the mail server page e-mails go out through.
 */
export async function startRecordingSmtp(): Promise<RecordingSmtp> {
  const mails: RecordedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(','), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The body that makes the e-mail channel send through a recording relay (PUT /api/v1/notification-channels/smtp). */
export function relayChannelBody(relay: RecordingSmtp): { name: string; config: Record<string, unknown> } {
  return {
    name: 'SMTP',
    config: {
      kind: 'email',
      host: '127.0.0.1',
      port: relay.port,
      secure: false,
      from: 'Astreinte <astreinte@example.test>',
    },
  };
}
