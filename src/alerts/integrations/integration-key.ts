import { randomBytes } from 'node:crypto';
import { hashTokenSecret } from '../../auth/token-secret.js';

/**
 * A new integration key: 128 random bits as 32 hex digits, the shape of a PagerDuty routing key,
 * so that tools which check routing keys accept it.
 */
export function generateIntegrationKey(): string {
  return randomBytes(16).toString('hex');
}

/** What is stored: SHA-256 of the key, as for API tokens (a random key needs no slow KDF). */
export function hashIntegrationKey(key: string): string {
  return hashTokenSecret(key);
}

/** The part shown in listings: the last four characters. */
export function integrationKeyHint(key: string): string {
  return `…${key.slice(-4)}`;
}
