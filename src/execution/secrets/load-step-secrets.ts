import type { Queryable } from '../../storage/database.js';
import { conflict } from '../../core/app-error.js';
import { decryptSecret, SecretCryptoError } from './secret-crypto.js';
import { secretSealingContext, type SecretServices } from './secret-model.js';

const selectSealed = `SELECT name, sealed FROM secrets ORDER BY name`;

/**
 * Every secret a step may use, by name, with its value: the allowed server variables, overridden
 * by stored secrets of the same name. Steps take the value of a secret parameter from here when
 * the operator gives none, and every value is redacted from every step's output, whether the
 * step used it or printed it some other way (a config file holding the same password).
 * Without a key the store stays closed: only environment secrets are known.
 */
export async function loadStepSecrets(db: Queryable, services: SecretServices): Promise<Map<string, string>> {
  const secrets = new Map(services.environmentSecrets);
  const key = services.secretKey;
  if (key === null) return secrets;
  const { rows } = await db.query<{ name: string; sealed: string }>(selectSealed);
  for (const row of rows) {
    try {
      secrets.set(row.name, decryptSecret(row.sealed, key, secretSealingContext(row.name)));
    } catch (error) {
      // Running without it would leave its value unredacted wherever a step prints it.
      if (!(error instanceof SecretCryptoError)) throw error;
      throw conflict(
        `the stored secret ${row.name} cannot be opened with this server's key (${error.reason}): set it again, or restore the key`,
        { secret: row.name },
      );
    }
  }
  return secrets;
}

/** Reads the allowed server variables once, at start; a name that is not set is left out. */
export function readEnvironmentSecrets(
  names: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): Map<string, string> {
  const secrets = new Map<string, string>();
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value !== '') secrets.set(name, value);
  }
  return secrets;
}
