import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Config } from '../../config/config.js';
import { readInboundSmtpTls } from '../../config/inbound-smtp-settings.js';
import { systemCtx, type Ctx } from '../../core/context.js';
import { answerEmailReply } from '../../notifications/replies/answer-email-reply.js';
import {
  checkReplyRecipient,
  replyRefusalTexts,
  type ReplyRefusalReason,
  type ReplySettings,
} from '../../notifications/replies/check-reply-recipient.js';
import type { Database } from '../../storage/database.js';
import { readReplyMessage } from './read-reply-message.js';

export interface InboundSmtp {
  /** The port it listens on (the real one when 0 was asked). */
  port: number;
  /** Stops taking connections, then waits for the mails in flight (up to `closeTimeoutMs`). */
  stop(): Promise<void>;
}

export interface InboundSmtpDeps {
  config: Config;
  db: Database;
  now: () => Date;
  secretKey: Buffer | null;
  logger: Logger;
  /** How long open sessions may go on once stopping began. */
  closeTimeoutMs: number;
}

const smtpError = (code: number, message: string): Error => Object.assign(new Error(message), { responseCode: code });
const refusal = (reason: ReplyRefusalReason): Error =>
  smtpError(550, `${reason === 'unknown_address' ? '5.1.1' : '5.7.1'} ${replyRefusalTexts[reason]}`);

/**
 * The listener for replies to pages, started by `startNode` when `inboundSmtpPort` is set. It faces
 * the internet: no AUTH, no relaying (only reply addresses of our domain, checked at RCPT time),
 * one recipient per message, a size limit refused at MAIL FROM (SIZE) and again at the end of DATA,
 * a connection count, an idle timeout and a longest session. Refusals are 5xx so that the sender's
 * server tells the person in a bounce; a fault of ours (the database away) is 451, to be retried.
 */
export async function startInboundSmtp(deps: InboundSmtpDeps): Promise<InboundSmtp | null> {
  const { config, logger } = deps;
  if (config.inboundSmtpPort === undefined || config.inboundSmtpDomain === undefined) return null;
  const settings: ReplySettings = { secretKey: deps.secretKey, domain: config.inboundSmtpDomain };
  const tls = readInboundSmtpTls(config);
  const inFlight = new Set<Promise<unknown>>();
  // Every handler's work is tracked, so that stop() returns only once none still uses the database.
  const track = <T>(work: Promise<T>, callback: (error?: Error | null) => void, done: (value: T) => void): void => {
    const running = work.then(done, (error: unknown) => {
      logger.error({ err: error }, 'e-mail reply failed');
      callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
    });
    inFlight.add(running);
    void running.finally(() => inFlight.delete(running));
  };
  const ctxOf = (session: SMTPServerSession): Ctx =>
    systemCtx(deps.db, deps.now, `smtp:${session.id}`, { ip: session.remoteAddress });
  const senderOf = (session: SMTPServerSession): string =>
    session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
  const server = new SMTPServer({
    name: config.inboundSmtpDomain,
    banner: 'Astreinte replies',
    logger: false,
    disableReverseLookup: true,
    authOptional: true,
    disabledCommands: tls === undefined ? ['AUTH', 'STARTTLS'] : ['AUTH'],
    hideSTARTTLS: tls === undefined,
    ...(tls === undefined ? {} : { cert: tls.cert, key: tls.key }),
    size: config.inboundSmtpMaxBytes,
    rejectOversized: true,
    maxClients: config.inboundSmtpMaxConnections,
    maxRecipients: 1,
    socketTimeout: Math.ceil(config.inboundSmtpSessionMs / 3),
    closeTimeout: deps.closeTimeoutMs,
    onMailFrom(address, _session, callback) {
      // A bounce (null sender) is never a person's answer; refusing it also ends mail loops.
      if (address.address === '') return callback(smtpError(550, '5.7.1 Bounces are not replies'));
      callback();
    },
    onRcptTo(address, session, callback) {
      const check = checkReplyRecipient({
        ctx: ctxOf(session),
        input: { address: address.address, sender: senderOf(session) },
        settings,
      });
      track(check, callback, (result) => {
        if (result.accepted) return callback();
        logger.info(
          { session: session.id, remote: session.remoteAddress, reason: result.reason },
          'e-mail reply refused',
        );
        callback(refusal(result.reason));
      });
    },
    onData(stream, session, callback) {
      track(answer(stream, session), callback, (message) => callback(message));
    },
  });

  async function answer(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<Error | null> {
    const raw = await readCapped(stream, config.inboundSmtpMaxBytes);
    if (raw === null) return smtpError(552, '5.3.4 Message too big');
    const message = await readReplyMessage(raw);
    const outcome = await answerEmailReply({
      ctx: ctxOf(session),
      input: { recipient: session.envelope.rcptTo[0]?.address ?? '', envelopeFrom: senderOf(session), ...message },
      settings,
    });
    if (!outcome.accepted) {
      logger.info(
        { session: session.id, incidentId: outcome.incidentId, reason: outcome.reason },
        'e-mail reply refused',
      );
      return refusal(outcome.reason);
    }
    logger.info(
      { session: session.id, incidentId: outcome.incidentId, action: outcome.action, applied: outcome.applied },
      'e-mail reply answered',
    );
    return null;
  }

  // No session outlives the limit, however slowly its client writes (socketTimeout only sees silence).
  server.server.on('connection', (socket) => {
    const timer = setTimeout(() => socket.destroy(), config.inboundSmtpSessionMs);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  });
  server.on('error', (error) => logger.warn({ err: error }, 'inbound SMTP connection error'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(config.inboundSmtpPort, config.inboundSmtpHost, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  logger.info({ host: config.inboundSmtpHost, port, tls: tls !== undefined }, 'inbound SMTP listening for replies');
  return {
    port,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...inFlight]);
    },
  };
}

/** The message's bytes, or null once over `limit` (the rest is read and dropped, so the session can answer). */
async function readCapped(stream: SMTPServerDataStream, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit || stream.sizeExceeded ? null : Buffer.concat(chunks);
}
