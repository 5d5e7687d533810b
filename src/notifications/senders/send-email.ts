import { rootCertificates } from 'node:tls';
import nodemailer from 'nodemailer';
import type { NodemailerError } from 'nodemailer';
import { Type, type Static } from 'typebox';
import { defineChannelKind, type ChannelSendRequest } from '../channel-kind-definition.js';
import { secretField } from '../channel-model.js';
import {
  abortedResult,
  attemptSignal,
  checkSendRequest,
  failedResult,
  sentResult,
  type DeliveryResult,
  type SendRequest,
} from '../delivery-result.js';
import { fieldHint } from '../../core/field-hint.js';

export const defaultEmailTimeoutMs = 30_000;

/** The one SMTP relay all e-mail goes through; each user's address is in their `NotificationRecipient`. */
export const EmailChannelSchema = Type.Object(
  {
    kind: Type.Literal('email'),
    host: Type.String({ minLength: 1, maxLength: 255 }),
    port: Type.Integer({ minimum: 1, maximum: 65_535, examples: [587, 465] }),
    secure: Type.Boolean({
      ...fieldHint(
        'TLS from the first byte (port 465); false: plain connection upgraded by STARTTLS when offered',
        'TLS dès le premier octet (port 465) ; non : connexion en clair passée en TLS par STARTTLS si le serveur le propose',
      ),
    }),
    requireTls: Type.Optional(
      Type.Boolean({
        ...fieldHint(
          'with secure false: refuse to send when the server offers no STARTTLS',
          "sans TLS d'emblée : refuser d'envoyer si le serveur ne propose pas STARTTLS",
        ),
      }),
    ),
    caCertificates: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100_000,
        pattern: '-----BEGIN CERTIFICATE-----',
        contentMediaType: 'application/x-pem-file',
        ...fieldHint(
          "PEM certificates of a private CA (or the relay's self-signed one) to trust, in addition to the system's",
          "certificats PEM d'une autorité privée (ou celui, auto-signé, du relais) à accepter en plus de ceux du système",
        ),
      }),
    ),
    allowInvalidCertificates: Type.Optional(
      Type.Boolean({
        ...fieldHint(
          'DANGEROUS: accept any certificate, unverified; anyone on the path can then read and change the mail. Prefer the CA certificates above',
          "DANGEREUX : accepter tout certificat, sans vérification ; quiconque sur le chemin peut alors lire et modifier les messages. Préférez les certificats d'autorité ci-dessus",
        ),
      }),
    ),
    auth: Type.Optional(
      Type.Object(
        {
          user: Type.String({ minLength: 1, maxLength: 320 }),
          password: Type.String({ ...secretField, minLength: 1, maxLength: 1000 }),
        },
        { additionalProperties: false },
      ),
    ),
    from: Type.String({
      pattern: '^[^\\r\\n]*@[^\\r\\n]*$',
      maxLength: 400,
      examples: ['Astreinte <astreinte@example.com>'],
    }),
  },
  { additionalProperties: false, title: 'EmailChannel' },
);
export type EmailChannelConfig = Static<typeof EmailChannelSchema>;

// Codes nodemailer gives a connection that failed or dropped, as opposed to a refusal.
const networkCodes = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE']);
// Node's codes for a certificate it would not trust (UNABLE_TO_VERIFY_LEAF_SIGNATURE, CERT_HAS_EXPIRED,
// DEPTH_ZERO_SELF_SIGNED_CERT, ERR_TLS_CERT_ALTNAME_INVALID…), which nodemailer wraps in an ESOCKET.
const certificateCode = /CERT|SELF_SIGNED|UNABLE_TO_(VERIFY|GET_ISSUER)/;

/**
 * Sends the subject, plain text and HTML over the configured SMTP relay to the recipient's address.
 * The delivery id becomes the Message-ID `<deliveryId@astreinte>`, so that a retry of a message the
 * relay did accept is recognisably the same message (and threads with it), and X-Astreinte-Delivery.
 * `Auto-Submitted: auto-generated` keeps vacation responders quiet. One connection per message:
 * pages are rare and a pool would hold sockets across a relay's restarts.
 *
 * Classification follows the SMTP reply: 4xx (and 503) retryable, 5xx not; a connection that
 * failed, dropped or timed out is retryable; authentication and TLS refusals are not.
 */
export async function sendEmail(
  request: SendRequest<EmailChannelConfig> & Partial<Pick<ChannelSendRequest<EmailChannelConfig>, 'event'>>,
): Promise<DeliveryResult> {
  const refused = checkSendRequest(request);
  if (refused !== undefined) return refused;
  const { config, recipient, message, deliveryId } = request;
  if (recipient.email === undefined) return failedResult(false, 'the recipient has no e-mail address');
  const { signal, timeoutMs } = attemptSignal(request, defaultEmailTimeoutMs);
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    requireTLS: config.requireTls ?? false,
    tls: tlsOptions(config),
    ...(config.auth === undefined ? {} : { auth: { user: config.auth.user, pass: config.auth.password } }),
    // The signal bounds the whole attempt; these only back it up, so they fire a little later.
    connectionTimeout: timeoutMs + 1000,
    greetingTimeout: timeoutMs + 1000,
    socketTimeout: timeoutMs + 1000,
  });
  try {
    const info = await transport.sendMail({
      from: config.from,
      to: recipient.name === undefined ? recipient.email : { name: recipient.name, address: recipient.email },
      subject: message.subject,
      text: message.text,
      ...(message.html === undefined ? {} : { html: message.html }),
      // A page names its reply address: replying acknowledges (see notifications/replies/).
      ...(request.event?.vars.replyTo === undefined ? {} : { replyTo: request.event.vars.replyTo }),
      messageId: `<${deliveryId}@astreinte>`,
      headers: { 'X-Astreinte-Delivery': deliveryId, 'Auto-Submitted': 'auto-generated' },
      // The message is built from our templates only: nothing may pull in files or URLs.
      disableFileAccess: true,
      disableUrlAccess: true,
      signal,
    });
    const response = info.response;
    const status = Number(/^\d{3}/.exec(response)?.[0] ?? 250);
    const queueId = /queued as ([^\s]+)/i.exec(response)?.[1];
    return sentResult({
      status,
      ...(queueId === undefined ? {} : { providerId: queueId }),
      ...(config.allowInvalidCertificates === true ? { warning: insecureWarning } : {}),
    });
  } catch (error) {
    if (signal.aborted) return abortedResult(request, timeoutMs);
    return classifySmtpError(error as NodemailerError);
  } finally {
    transport.close();
  }
}

/** What a delivery through a channel that verifies no certificate says, so that a test shows it. */
export const insecureWarning =
  "the relay's certificate was not verified (allowInvalidCertificates): anyone on the path can read and change the mail";

/**
 * TLS settings for both `secure` and STARTTLS connections: a private CA is added to Node's own
 * list (not instead of it), so a relay moving to a public certificate keeps working; the host name
 * is still checked against the certificate unless certificates are not checked at all.
 */
function tlsOptions(config: EmailChannelConfig): { ca?: string[]; rejectUnauthorized: boolean } {
  return {
    ...(config.caCertificates === undefined ? {} : { ca: [...rootCertificates, config.caCertificates] }),
    rejectUnauthorized: config.allowInvalidCertificates !== true,
  };
}

/** Maps a nodemailer error to a delivery result; exported for tests of the rarer codes. */
export function classifySmtpError(error: NodemailerError): DeliveryResult {
  const code = error.code ?? 'unknown';
  const detail = (error.response ?? error.message).slice(0, 300);
  if (typeof error.responseCode === 'number') {
    const permanent = error.permanent ?? (error.responseCode >= 500 && error.responseCode !== 503);
    return failedResult(!permanent, `SMTP ${error.responseCode}: ${detail}`, { status: error.responseCode });
  }
  // A certificate the relay will show again next time: retrying cannot help, the configuration can.
  const tlsCode = [error.originalCode, code].find(
    (candidate) => candidate !== undefined && certificateCode.test(candidate),
  );
  if (tlsCode !== undefined) {
    return failedResult(
      false,
      `SMTP TLS certificate refused (${tlsCode}): ${detail}; give the relay's CA in caCertificates`,
    );
  }
  if (networkCodes.has(code) || (error.originalCode !== undefined && networkCodes.has(error.originalCode))) {
    return failedResult(true, `SMTP connection failed (${error.originalCode ?? code}): ${detail}`);
  }
  // EAUTH without a reply, ENOAUTH, ETLS, EREQUIRETLS, ECONFIG, EENVELOPE (no valid recipient):
  // the configuration or the address is wrong, and will still be on the next attempt.
  return failedResult(false, `SMTP ${code}: ${detail}`);
}

/** The e-mail row of the channel kinds table: the Message-ID lets a relay and a mailbox see a resend. */
export const emailChannel = defineChannelKind({
  schema: EmailChannelSchema,
  send: sendEmail,
  format: 'email',
  idempotent: true,
  contact: 'email',
  label: 'E-mail (SMTP)',
});
