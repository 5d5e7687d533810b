import { conflict } from '../core/app-error.js';
import { decryptSecret, encryptSecret } from '../execution/secrets/secret-crypto.js';
import type { SecretStyle } from './kinds/probe-kind-definition.js';
import { probeKinds, type ProbeTarget } from './probe-kinds.js';

/** What a secret is replaced with when shown. */
export const redactedSecret = '********';

type SecretTransform = (value: string, field: string, style: SecretStyle) => string;

/** The secret fields of a target's kind (its row's `secretFields`), with how each is sealed and shown. */
function secretFieldsOf(target: ProbeTarget): [string, SecretStyle][] {
  const fields: Partial<Record<string, SecretStyle>> = probeKinds[target.kind].secretFields;
  return Object.entries(fields).flatMap(([field, style]) => (style === undefined ? [] : [[field, style]]));
}

const isTextRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && Object.values(value).every((one) => typeof one === 'string');

/**
 * Applies `transform` to every secret of a target, as its kind lists them: a connection URL
 * (`url`, it holds the password) whole, each value of a record (`secretHeaders/<name>`). Returns a copy.
 */
export function mapProbeSecrets(target: ProbeTarget, transform: SecretTransform): ProbeTarget {
  const mapped: Record<string, unknown> = { ...target };
  for (const [field, style] of secretFieldsOf(target)) {
    const value = mapped[field];
    if (style === 'url' && typeof value === 'string') mapped[field] = transform(value, field, style);
    else if (style === 'values' && isTextRecord(value))
      mapped[field] = Object.fromEntries(
        Object.entries(value).map(([name, one]) => [name, transform(one, `${field}/${name}`, style)]),
      );
  }
  // Only values of the kind's own secret fields changed, each for a string: still that kind's target.
  return mapped as ProbeTarget;
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
function redactValue(value: string, style: SecretStyle): string {
  if (style !== 'url') return redactedSecret;
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
 * beside it when sealed (`shownUrl` for `url`: not a secret) and shown instead.
 */
const shownKey = (field: string): string => `shown${field.charAt(0).toUpperCase()}${field.slice(1)}`;

/** The redacted forms of a target's connection URLs, by the key they are stored under. */
function shownForms(target: ProbeTarget): Record<string, string> {
  const fields: Record<string, unknown> = target;
  const shown: Record<string, string> = {};
  for (const [field, style] of secretFieldsOf(target)) {
    const value = fields[field];
    if (style === 'url' && typeof value === 'string') shown[shownKey(field)] = redactValue(value, style);
  }
  return shown;
}

/** The stored target split into the target proper and the redacted URLs kept beside it, by field. */
function splitShown(target: ProbeTarget): { shown: Map<string, string>; rest: ProbeTarget } {
  const rest: Record<string, unknown> = { ...target };
  const shown = new Map<string, string>();
  for (const [field, style] of secretFieldsOf(target)) {
    const value = rest[shownKey(field)];
    if (style !== 'url' || value === undefined) continue;
    if (typeof value === 'string') shown.set(field, value);
    delete rest[shownKey(field)];
  }
  // Only the keys added by `sealProbeTarget` were removed.
  return { shown, rest: rest as ProbeTarget };
}

export function redactProbeTarget(target: ProbeTarget): ProbeTarget {
  const { shown, rest } = splitShown(target);
  return mapProbeSecrets(rest, (value, field, style) => shown.get(field) ?? redactValue(value, style));
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
  const sealed = mapProbeSecrets(target, (value, field) => encryptSecret(value, key, aad(probeId, field)));
  return { ...sealed, ...shownForms(target) };
}

/** The stored target with its secrets opened, for checking. Throws if the key cannot open them (409 on the API). */
export function openProbeTarget(target: ProbeTarget, probeId: string, key: Uint8Array | null): ProbeTarget {
  if (!hasProbeSecrets(target)) return target;
  if (key === null)
    throw conflict('this probe holds sealed credentials and the server has no ASTREINTE_SECRET_KEY', {
      requires: 'ASTREINTE_SECRET_KEY',
    });
  const sealed = splitShown(target).rest;
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
  return mapProbeSecrets(incoming, (value, field, style) => {
    const old = kept.get(field);
    return old !== undefined && (value === redactedSecret || value === redactValue(old, style)) ? old : value;
  });
}
