import type { Command } from 'commander';
import { migrateDatabase } from '../storage/migrate.js';
import { describeDatabase, openCliDatabase } from './cli-database.js';
import { loadCliConfig, type ConfigFlags } from './cli-config.js';
import { CliError, writeLines, type CliIo } from './cli-io.js';

/** `astreinte migrate`: applies the pending migrations (the server also does this when it starts). */
export function registerMigrateCommand(program: Command, io: CliIo): void {
  program
    .command('migrate')
    .description('apply the database migrations not applied yet (serve also does it at start)')
    .option('--database-url <url>', 'PostgreSQL server (DATABASE_URL)')
    .option('--data-dir <dir>', 'embedded database folder (ASTREINTE_DATA_DIR, default ./data)')
    .option('--config <file>', 'JSON file of settings (ASTREINTE_CONFIG)')
    .action(async (flags: ConfigFlags) => {
      const config = loadCliConfig(flags, io);
      const db = await openCliDatabase(config);
      try {
        const applied = await migrateDatabase(db).catch((error: unknown) => {
          throw new CliError(`migrating ${describeDatabase(config)} failed: ${(error as Error).message}`);
        });
        if (applied.length === 0)
          writeLines(io.stdout, `${describeDatabase(config)} is up to date: no migration to apply`);
        else writeLines(io.stdout, `Applied to ${describeDatabase(config)}:`, ...applied.map((name) => `  ${name}`));
      } finally {
        await db.close();
      }
    });
}
