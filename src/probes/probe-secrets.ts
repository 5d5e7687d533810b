import { conflict } from '../core/app-error.js';
import { decryptSecret, encryptSecret } from '../execution/secrets/secret-crypto.js';
import type { ProbeTarget } from './probe-model.js';

/** What a secret is replaced with when shown. */
export const redactedSecret = '********';

/**
 * Applies `transform` to every secret of a target: the connection URL of PostgreSQL and Redis
 * probes (it holds the password), the values of `secretHeaders`. Returns a copy.
 */
export function mapProbeSecrets(target: ProbeTarget, transform: (value: string, field: string) => string): ProbeTarget {
  if (target.kind === 'postgres' || target.kind === 'redis') return { ...target, url: transform(target.url, 'url') };
  if ((target.kind === 'http' || target.kind === 'prometheus') && target.secretHeaders !== undefined) {
    const headers = Object.fromEntries(
      Object.entries(target.secretHeaders).map(([name, value]) => [name, transform(value, `secretHeaders/${name}`)]),
    );
    return { ...target, secretHeaders: headers };
  }
  return target;
}

/** Whether a target holds any secret (then the server's key is needed to store it). */
export function hasProbeSecrets(target: ProbeTarget): boolean {
  let found = false;
  mapProbeSecrets(target, (value) => ((found = true), value));
  return found;
}

/**
 * A secret as an admin may see it: a connection URL keeps everything but its password
 * (`postgres://app:********@db:5432/app`), so one can still tell targets apart; headers become `********`.
 */
function redactValue(value: string, field: string): string {
  if (field !== 'url') return redactedSecret;
  try {
    const url = new URL(value);
    if (url.password !== '') url.password = redactedSecret;
    return url.toString();
  } catch {
    return redactedSecret;
  }
}

/**
 * A sealed connection URL cannot be redacted without the key, so the redacted form is kept
 * beside it when sealed (`shownUrl`, not a secret) and shown instead.
 */
type StoredTarget = ProbeTarget & { shownUrl?: string };

/** The stored target split into the target proper and its redacted URL, if kept. */
function splitShownUrl(target: ProbeTarget): { shownUrl: string | undefined; rest: ProbeTarget } {
  const { shownUrl, ...rest } = target as StoredTarget;
  return { shownUrl, rest };
}

export function redactProbeTarget(target: ProbeTarget): ProbeTarget {
  const { shownUrl, rest } = splitShownUrl(target);
  const redacted = mapProbeSecrets(rest, redactValue);
  return shownUrl !== undefined && (redacted.kind === 'postgres' || redacted.kind === 'redis')
    ? { ...redacted, url: shownUrl }
    : redacted;
}

/** Binds a sealed value to its probe and field: a sealed password cannot be pasted elsewhere. */
const aad = (probeId: string, field: string): string => `probe:${probeId}/${field}`;

export function sealProbeTarget(target: ProbeTarget, probeId: string, key: Uint8Array | null): ProbeTarget {
  if (!hasProbeSecrets(target)) return target;
  if (key === null)
    throw conflict(
      'probes with credentials need ASTREINTE_SECRET_KEY (they are sealed with it): set it on every node and restart',
      { requires: 'ASTREINTE_SECRET_KEY' },
    );
  const sealed: StoredTarget = mapProbeSecrets(target, (value, field) =>
    encryptSecret(value, key, aad(probeId, field)),
  );
  if (target.kind === 'postgres' || target.kind === 'redis') sealed.shownUrl = redactValue(target.url, 'url');
  return sealed;
}

/** The stored target with its secrets opened, for checking. Throws if the key cannot open them (409 on the API). */
export function openProbeTarget(target: ProbeTarget, probeId: string, key: Uint8Array | null): ProbeTarget {
  if (!hasProbeSecrets(target)) return target;
  if (key === null)
    throw conflict('this probe holds sealed credentials and the server has no ASTREINTE_SECRET_KEY', {
      requires: 'ASTREINTE_SECRET_KEY',
    });
  const sealed = splitShownUrl(target).rest;
  try {
    return mapProbeSecrets(sealed, (value, field) => decryptSecret(value, key, aad(probeId, field)));
  } catch {
    throw conflict(
      `the credentials of probe ${probeId} no longer open with ASTREINTE_SECRET_KEY (was the key changed?): save them again`,
      { probeId },
    );
  }
}

/**
 * For an update sent back from a redacted view: each secret left as shown takes the stored
 * (opened) value, so that changing an interval does not require retyping a password.
 */
export function restoreProbeSecrets(incoming: ProbeTarget, stored: ProbeTarget): ProbeTarget {
  if (incoming.kind !== stored.kind) return incoming;
  const kept = new Map<string, string>();
  mapProbeSecrets(stored, (value, field) => (kept.set(field, value), value));
  return mapProbeSecrets(incoming, (value, field) => {
    const old = kept.get(field);
    return old !== undefined && (value === redactedSecret || value === redactValue(old, field)) ? old : value;
  });
}
