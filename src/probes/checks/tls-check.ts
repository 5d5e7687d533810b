import { isIP } from 'node:net';
import { checkServerIdentity, connect, type PeerCertificate, type TLSSocket } from 'node:tls';
import type { TlsTarget } from '../kinds/tls-probe.js';
import type { CheckOptions, Observation } from '../probe-model.js';
import { describeError, unreachedObservation } from './check-outcome.js';
import { startBudget, waitForSocket } from './check-timing.js';
import { describeVerifyError, readCertificateFacts } from './certificate-facts.js';

// How long a server may take to answer our close_notify before the socket is simply destroyed.
const closeGraceMs = 1000;

/**
 * A TLS check: completes a handshake with `host:port`, reads the server's certificate, closes.
 * Fills `CONNECTED` (the handshake completed, whether or not the certificate is trusted),
 * `CERTIFICATE_VALID` (chain trusted — the system's CAs or `tls.ca` — and name matching),
 * `CERTIFICATE_ERROR` (why not, else null), `CERTIFICATE_EXPIRATION` (ms, negative once expired),
 * `CERTIFICATE_SUBJECT`, `CERTIFICATE_ISSUER`, `IP` and `RESPONSE_TIME` (the handshake time).
 * An untrusted certificate is also the observation's `error`, unless `tls.insecure` accepts it
 * (the verdict is reported all the same). Never throws.
 */
export async function runTlsCheck(target: TlsTarget, options: CheckOptions): Promise<Observation> {
  const budget = startBudget(options);
  const nameChecked = target.tls?.serverName ?? target.host;
  let identityError: Error | undefined;
  const socket = connect({
    host: target.host,
    port: target.port,
    // SNI carries host names only (RFC 6066 §3): none when the certificate is asked of an IP.
    ...(isIP(nameChecked) === 0 ? { servername: nameChecked } : {}),
    ...(target.tls?.ca === undefined ? {} : { ca: target.tls.ca }),
    // Verified below instead, so an untrusted certificate is still observed (expiry, subject).
    rejectUnauthorized: false,
    // Node keeps only the error's code in `authorizationError`; the message names the names.
    checkServerIdentity: (_hostname: string, certificate: PeerCertificate) => {
      identityError = checkServerIdentity(nameChecked, certificate);
      return identityError;
    },
  });
  let handshakeDone = false;
  try {
    await waitForSocket(socket, 'secureConnect', budget.signal);
    handshakeDone = true;
    const latencyMs = budget.elapsedMs();
    const facts = readCertificateFacts(socket.getPeerCertificate());
    const certificateError = socket.authorized
      ? null
      : describeCertificateError(socket.authorizationError, identityError);
    return {
      reached: true,
      latencyMs,
      values: {
        CONNECTED: true,
        RESPONSE_TIME: latencyMs,
        CERTIFICATE_VALID: socket.authorized,
        CERTIFICATE_ERROR: certificateError,
        CERTIFICATE_EXPIRATION: facts.expirationMs,
        CERTIFICATE_SUBJECT: facts.subject,
        CERTIFICATE_ISSUER: facts.issuer,
        IP: socket.remoteAddress ?? null,
      },
      error: target.tls?.insecure === true ? null : certificateError,
    };
  } catch (error) {
    return unreachedObservation(budget, error);
  } finally {
    if (handshakeDone) closeGracefully(socket);
    else socket.destroy();
    budget.end();
  }
}

/**
 * Ends with a close_notify rather than a bare reset: destroying the socket at once can drop the
 * client's last handshake flight, and the server then logs every check as a failed handshake.
 */
function closeGracefully(socket: TLSSocket): void {
  socket.setTimeout(closeGraceMs, () => socket.destroy());
  socket.end();
}

/** The name mismatch as Node words it, or the chain failure (Node gives its code, typed as an Error). */
function describeCertificateError(authorizationError: unknown, identityError: Error | undefined): string {
  if (identityError !== undefined) return describeError(identityError);
  if (typeof authorizationError === 'string') return describeVerifyError(authorizationError);
  return describeError(authorizationError ?? 'certificate not trusted');
}
