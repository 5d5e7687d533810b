import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeRunbookText } from '../../src/runbooks/text/decode-runbook-text.js';

/**
 * The five real runbooks of `../shared/seeds/` beside the repository (test data, not part of
 * the project); `ASTREINTE_SEED_DIR` points elsewhere.
 */
export const seedDirectory =
  process.env['ASTREINTE_SEED_DIR'] ?? fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
export const seedsAvailable = existsSync(seedDirectory);

/** The seed files, sorted (`000_….txt` … `004_….txt`). */
export function seedFiles(): string[] {
  return readdirSync(seedDirectory)
    .filter((name) => name.endsWith('.txt'))
    .sort();
}

/** A seed's raw bytes, by its number (`'003'`). */
export function seedBytes(number: string): Buffer {
  const file = seedFiles().find((name) => name.startsWith(`${number}_`));
  if (file === undefined) throw new Error(`no seed ${number} in ${seedDirectory}`);
  return readFileSync(join(seedDirectory, file));
}

/** A seed's repaired text. */
export function seedText(number: string): string {
  return decodeRunbookText(seedBytes(number)).text;
}
