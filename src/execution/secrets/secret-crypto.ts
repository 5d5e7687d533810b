/**
 * Sealing secret values at rest with AES-256-GCM. A sealed value is one line of text,
 * `v1.<nonce>.<ciphertext>.<tag>` in unpadded base64url: the version lets a later format (another
 * cipher, a key id) live next to this one, and the line fits a database column or an env file.
 *
 * Each value gets a fresh random 12-byte nonce: under one key, GCM with a repeated nonce gives away
 * the XOR of the plaintexts and the means to forge tags. With random nonces a key must not seal
 * more than about 2^32 values, far beyond what a secret store holds.
 *
 * The secret's name can be bound as additional authenticated data, so that a ciphertext copied
 * from one name to another (a read-only token pasted over the admin one) fails to open.
 */
import { Buffer } from 'node:buffer';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const version = 'v1';
const keyLength = 32;
const nonceLength = 12;
const tagLength = 16;
const base64UrlPattern = /^[A-Za-z0-9_-]*$/;

/** Why a key or a sealed value was refused; the message never contains key or plaintext material. */
export type SecretCryptoFailure = 'invalid_key' | 'malformed' | 'unsupported_version' | 'authentication_failed';

export class SecretCryptoError extends Error {
  override readonly name = 'SecretCryptoError';
  constructor(
    readonly reason: SecretCryptoFailure,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a 32-byte key written as 64 hexadecimal digits or as 44 characters of base64 (standard or
 * url-safe, with its `=`), ignoring surrounding whitespace such as an env file's newline. Anything
 * else is refused with a `SecretCryptoError` saying what is expected, not what was given.
 */
export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/]{43}=$/.test(trimmed) || /^[A-Za-z0-9_-]{43}=$/.test(trimmed)) {
    const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    // 43 characters carry 258 bits; a key whose last 2 bits are set was not written by an encoder.
    if (key.length === keyLength && key.toString('base64') === trimmed.replace(/-/g, '+').replace(/_/g, '/'))
      return key;
  }
  throw new SecretCryptoError(
    'invalid_key',
    `the secret key must be ${keyLength} bytes written as 64 hexadecimal digits or 44 base64 characters ` +
      `(got ${trimmed.length} characters); generate one with \`openssl rand -base64 32\``,
  );
}

/**
 * Seals `plaintext` under `key` (32 bytes, see `parseSecretKey`). `associatedData`, typically the
 * secret's name, is authenticated but not stored: the same must be given to open it. Omitting it
 * is the same as giving the empty string.
 */
export function encryptSecret(plaintext: string, key: Uint8Array, associatedData?: string): string {
  checkKey(key);
  const nonce = randomBytes(nonceLength);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: tagLength });
  if (associatedData !== undefined) cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [nonce, ciphertext, cipher.getAuthTag()].map((bytes) => bytes.toString('base64url'));
  return [version, ...parts].join('.');
}

/**
 * Opens a value sealed by `encryptSecret`. Throws a `SecretCryptoError`: `malformed` or
 * `unsupported_version` for text that is not a v1 sealed value, `authentication_failed` when the
 * key, the associated data or any byte of nonce, ciphertext or tag differs from the sealing.
 */
export function decryptSecret(sealed: string, key: Uint8Array, associatedData?: string): string {
  checkKey(key);
  const parts = sealed.trim().split('.');
  if (parts.length !== 4) throw malformed('expected v1.<nonce>.<ciphertext>.<tag>');
  const [versionTag, nonceText, ciphertextText, tagText] = parts as [string, string, string, string];
  if (versionTag !== version) {
    throw new SecretCryptoError(
      'unsupported_version',
      `sealed secret has version "${versionTag.slice(0, 10)}", this build reads ${version}`,
    );
  }
  const nonce = decodeSegment(nonceText, 'nonce');
  const ciphertext = decodeSegment(ciphertextText, 'ciphertext');
  const tag = decodeSegment(tagText, 'tag');
  // Node accepts truncated GCM tags unless told the length; a 4-byte tag is forgeable.
  if (nonce.length !== nonceLength) throw malformed(`the nonce must be ${nonceLength} bytes`);
  if (tag.length !== tagLength) throw malformed(`the tag must be ${tagLength} bytes`);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: tagLength });
  if (associatedData !== undefined) decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretCryptoError(
      'authentication_failed',
      'sealed secret does not open: wrong key, wrong secret name, or the value was altered',
    );
  }
}

function checkKey(key: Uint8Array): void {
  if (key.length !== keyLength) {
    throw new SecretCryptoError('invalid_key', `the secret key must be ${keyLength} bytes, got ${key.length}`);
  }
}

/** Strict base64url: Node's decoder skips foreign characters, which would let altered text pass. */
function decodeSegment(text: string, what: string): Buffer {
  if (!base64UrlPattern.test(text)) throw malformed(`the ${what} is not base64url`);
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) throw malformed(`the ${what} is not canonical base64url`);
  return bytes;
}

function malformed(detail: string): SecretCryptoError {
  return new SecretCryptoError('malformed', `not a sealed secret: ${detail}`);
}
