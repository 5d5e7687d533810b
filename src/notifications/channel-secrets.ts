/**
 * The credentials inside channel configurations. The schemas mark them (`x-secret`); this module
 * finds them so that storage can seal each one at rest (see `execution/secrets/secret-crypto.ts`)
 * and the API can show a configuration without them.
 */
import type { TSchema } from 'typebox';
import { channelKind, channelKindNames, type ChannelConfig, type ChannelKind } from './channel-kinds.js';

/** What a secret is replaced with when shown. */
export const redactedSecret = '********';

/** JSON pointers of the secret fields of each kind, e.g. `/auth/password` for e-mail. */
export const channelSecretPaths: Readonly<Record<ChannelKind, readonly string[]>> = byKind((kind) =>
  findSecretPaths(channelKind(kind).schema, ''),
);

const urlSecretPaths: Readonly<Record<ChannelKind, ReadonlySet<string>>> = byKind(
  (kind) => new Set(findSecretPaths(channelKind(kind).schema, '', true)),
);

/**
 * Returns a copy of `config` with every secret present replaced by `transform(value, path)`:
 * `encryptSecret(value, key, \`channel:${id}${path}\`)` to seal, `decryptSecret` to open.
 * Binding the path as associated data keeps a sealed token from being pasted into another field.
 */
export function mapChannelSecrets<C extends ChannelConfig>(
  config: C,
  transform: (value: string, path: string) => string,
): C {
  const copy = structuredClone(config);
  for (const path of channelSecretPaths[config.kind]) {
    const value = readPointer(copy, path);
    if (typeof value === 'string') writePointer(copy, path, transform(value, path));
  }
  return copy;
}

/**
 * The configuration as an admin may see it: passwords and tokens become `********`; secret URLs
 * keep their origin (`https://hooks.slack.com/********`) so that one can still tell them apart.
 */
export function redactChannelConfig<C extends ChannelConfig>(config: C): C {
  return mapChannelSecrets(config, (value, path) => redactValue(value, urlSecretPaths[config.kind].has(path)));
}

/**
 * For an update sent back from a redacted view: each secret left as shown (`********`, or the
 * redacted URL) takes the stored value, so that editing a port does not require retyping a password.
 */
export function restoreRedactedSecrets<C extends ChannelConfig>(incoming: C, stored: ChannelConfig): C {
  if (incoming.kind !== stored.kind) return incoming;
  const copy = structuredClone(incoming);
  for (const path of channelSecretPaths[incoming.kind]) {
    const sent = readPointer(copy, path);
    const kept = readPointer(stored, path);
    if (typeof sent !== 'string' || typeof kept !== 'string') continue;
    if (sent === redactedSecret || sent === redactValue(kept, urlSecretPaths[incoming.kind].has(path)))
      writePointer(copy, path, kept);
  }
  return copy;
}

function redactValue(value: string, isUrl: boolean): string {
  if (!isUrl) return redactedSecret;
  try {
    return `${new URL(value).origin}/${redactedSecret}`;
  } catch {
    return redactedSecret;
  }
}

function byKind<T>(value: (kind: ChannelKind) => T): Record<ChannelKind, T> {
  return Object.fromEntries(channelKindNames.map((kind) => [kind, value(kind)])) as Record<ChannelKind, T>;
}

function findSecretPaths(schema: TSchema, prefix: string, urlsOnly = false): string[] {
  const properties = (schema as { properties?: Record<string, TSchema> }).properties ?? {};
  return Object.entries(properties).flatMap(([name, property]) => {
    const path = `${prefix}/${name}`;
    const marks = property as { 'x-secret'?: boolean; format?: string };
    if (marks['x-secret'] === true) return !urlsOnly || marks.format === 'uri' ? [path] : [];
    return findSecretPaths(property, path, urlsOnly);
  });
}

// Secret paths name plain object properties, never arrays, so a pointer is a list of keys.
function readPointer(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const key of path.split('/').slice(1)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function writePointer(root: unknown, path: string, value: string): void {
  const keys = path.split('/').slice(1);
  const parent = readPointer(
    root,
    keys
      .slice(0, -1)
      .map((key) => `/${key}`)
      .join(''),
  );
  if (typeof parent === 'object' && parent !== null) (parent as Record<string, unknown>)[keys.at(-1)!] = value;
}
