import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Config } from '../config/config.js';
import { parseSecretKey } from '../execution/secrets/secret-crypto.js';
import type { Queryable } from '../storage/database.js';
import { secretsNotOpening } from './check-secret-key.js';

/** The embedded database's own key, in its folder. */
export const secretKeyFileName = 'secret.key';

/** Where the node's sealing key came from, for the first-start message and the logs. */
export type SecretKeySource =
  | { from: 'config' }
  | { from: 'file'; file: string; created: boolean }
  /** PostgreSQL without ASTREINTE_SECRET_KEY: the secret store stays closed, as it always was. */
  | { from: 'none' };

export interface NodeSecretKey {
  /** The key as configuration holds it (base64), or undefined when there is none. */
  text: string | undefined;
  source: SecretKeySource;
}

/**
 * The key that seals secrets on this node: ASTREINTE_SECRET_KEY when set; else, for the embedded
 * database, `secret.key` in its folder, created (32 random bytes, mode 0600, folder 0700) on the
 * first start; else (PostgreSQL) none, since nodes sharing a database must share a key no single
 * node can invent. Throws when the key does not open what the database already holds sealed.
 */
export async function resolveNodeSecretKey(config: Config, db: Queryable): Promise<NodeSecretKey> {
  if (config.secretKey !== undefined) {
    await assertOpens(db, config.secretKey, 'ASTREINTE_SECRET_KEY');
    return { text: config.secretKey, source: { from: 'config' } };
  }
  if (config.databaseUrl !== undefined) return { text: undefined, source: { from: 'none' } };
  const folder = resolve(config.dataDir);
  const file = join(folder, secretKeyFileName);
  const stored = await readKeyFile(file);
  if (stored !== undefined) {
    await assertOpens(db, stored, file);
    return { text: stored, source: { from: 'file', file, created: false } };
  }
  const text = randomBytes(32).toString('base64');
  // Checked before writing: a lost key file must not be silently replaced by a new one that opens nothing.
  await assertOpens(db, text, `a new key (${file} is missing)`);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await chmod(folder, 0o700);
  // `wx`: never overwrite a key another process wrote meanwhile.
  await writeFile(file, `${text}\n`, { mode: 0o600, flag: 'wx' });
  return { text, source: { from: 'file', file, created: true } };
}

async function readKeyFile(file: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read the secret key file ${file}: ${(error as Error).message}`, { cause: error });
  }
  try {
    parseSecretKey(text);
  } catch (error) {
    throw new Error(`the secret key file ${file} is damaged: ${(error as Error).message}`, { cause: error });
  }
  return text.trim();
}

async function assertOpens(db: Queryable, text: string, source: string): Promise<void> {
  const failed = await secretsNotOpening(db, parseSecretKey(text));
  if (failed.length === 0) return;
  throw new Error(
    `the secret key from ${source} does not open the secrets this database holds sealed (${failed.join(', ')}). ` +
      'Start with the key that sealed them: restore secret.key from the backup of the data folder, or set ' +
      'ASTREINTE_SECRET_KEY to that key.',
  );
}
