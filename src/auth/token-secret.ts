import { createHash, randomBytes } from 'node:crypto';

/** Every token starts with this, so leaked tokens are recognisable by secret scanners. */
export const tokenPrefix = 'ast_';

/** A new token secret: 256 random bits, base64url. */
export function generateTokenSecret(): string {
  return tokenPrefix + randomBytes(32).toString('base64url');
}

/** What is stored: SHA-256 of the secret (high-entropy secrets need no slow KDF). */
export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The part shown in listings to tell tokens apart: the prefix and 6 characters. */
export function visiblePrefix(secret: string): string {
  return secret.slice(0, tokenPrefix.length + 6);
}
