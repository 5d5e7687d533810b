import { Type, type Static } from 'typebox';
import { RunbookUseSchema } from '../runbook-uses.js';

/** Secret names are shell variable names: a step refers to one as `${REDIS_PASSWORD}`. */
export const secretNamePattern = '^[A-Za-z_][A-Za-z0-9_]{0,127}$';

export const secretSources = ['store', 'environment'] as const;

/** A secret as the API shows it: never its value. */
export const SecretSchema = Type.Object(
  {
    name: Type.String(),
    source: Type.Enum(secretSources, {
      description: 'store: sealed in the database; environment: a server variable named in ASTREINTE_STEP_SECRET_ENV',
    }),
    description: Type.Union([Type.String(), Type.Null()]),
    updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    updatedBy: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'Secret' },
);
export type Secret = Static<typeof SecretSchema>;

/** A secret in the listing: also the runbooks whose steps take it, so that deleting it is not a surprise. */
export const ListedSecretSchema = Type.Object(
  {
    ...SecretSchema.properties,
    usedBy: Type.Array(RunbookUseSchema, { description: 'live runbooks with a secret parameter of this name' }),
  },
  { title: 'ListedSecret' },
);
export type ListedSecret = Static<typeof ListedSecretSchema>;

/** What the secret services need from the server: the sealing key and the allowed environment values. */
export interface SecretServices {
  /** Seals stored secrets; null when ASTREINTE_SECRET_KEY is not set (the store is then closed). */
  secretKey: Uint8Array | null;
  /** Server environment variables steps may use as secrets, read once at start. */
  environmentSecrets: ReadonlyMap<string, string>;
}

/** The sealed value's associated data: a value copied under another name fails to open. */
export const secretSealingContext = (name: string): string => `secret:${name}`;

export interface SecretRow {
  [column: string]: unknown;
  name: string;
  sealed: string;
  description: string | null;
  updated_at: Date;
  updated_by_name: string | null;
}
