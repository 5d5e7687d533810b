import type { Certificate, PeerCertificate } from 'node:tls';

/** What a check reports of a server's leaf certificate. */
export interface CertificateFacts {
  /** Milliseconds until `notAfter`; negative once expired. */
  expirationMs: number | null;
  /** The subject's common name, else the whole subject (`O=Example, C=FR`). */
  subject: string | null;
  issuer: string | null;
}

/**
 * Reads the facts of a peer certificate (`socket.getPeerCertificate()`), which is an empty
 * object when the server sent none (a PSK or anonymous cipher): every fact is null then.
 */
export function readCertificateFacts(
  certificate: PeerCertificate | Record<string, never>,
  now: number = Date.now(),
): CertificateFacts {
  if (!('valid_to' in certificate)) return { expirationMs: null, subject: null, issuer: null };
  // `valid_to` is OpenSSL's text form (`Jan  2 03:04:05 2030 GMT`), which Date.parse reads.
  const notAfter = Date.parse(certificate.valid_to);
  return {
    expirationMs: Number.isNaN(notAfter) ? null : notAfter - now,
    subject: describeName(certificate.subject),
    issuer: describeName(certificate.issuer),
  };
}

function describeName(name: Certificate | undefined): string | null {
  if (name === undefined) return null;
  const commonName = name.CN;
  if (commonName !== undefined) return Array.isArray(commonName) ? commonName.join(', ') : commonName;
  const parts = Object.entries(name).flatMap(([key, value]) =>
    value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((item) => `${key}=${item}`),
  );
  return parts.length > 0 ? parts.join(', ') : null;
}

// OpenSSL's texts for the verification failures a probe meets: Node keeps only the code in
// `socket.authorizationError` when it does not reject the connection itself.
const verifyMessages: Readonly<Record<string, string>> = {
  CERT_HAS_EXPIRED: 'certificate has expired',
  CERT_NOT_YET_VALID: 'certificate is not yet valid',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in certificate chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to verify the first certificate',
  UNABLE_TO_GET_ISSUER_CERT: 'unable to get issuer certificate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unable to get local issuer certificate',
  CERT_REVOKED: 'certificate revoked',
  CERT_SIGNATURE_FAILURE: 'certificate signature failure',
  INVALID_CA: 'invalid CA certificate',
  CERT_UNTRUSTED: 'certificate not trusted',
  CERT_REJECTED: 'certificate rejected',
  HOSTNAME_MISMATCH: 'hostname mismatch',
};

/** `certificate has expired (CERT_HAS_EXPIRED)` for a verification code; the code alone when unknown. */
export function describeVerifyError(code: string): string {
  const message = verifyMessages[code];
  return message === undefined ? code : `${message} (${code})`;
}
