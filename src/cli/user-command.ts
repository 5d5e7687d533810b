import type { Command } from 'commander';
import { createSetupLink } from '../auth/create-setup-link.js';
import { setupLinkUrl } from '../auth/setup-link-secret.js';
import { setUserPassword } from '../users/set-user-password.js';
import { loadCliConfig, type ConfigFlags } from './cli-config.js';
import { CliError, exitCodes, writeJson, writeLines, type CliIo } from './cli-io.js';
import { consoleUrlOf } from './first-start-message.js';
import { findUser, withDatabase, withDatabaseOptions } from './token-command.js';

/**
 * `astreinte user setup-link [USERNAME]`: a new one-time link where someone (the first admin by
 * default) chooses their password in the console, for automation or when the first start's link
 * expired unused. `astreinte user password USERNAME --from-env VAR`: sets a person's console password directly in
 * the database (how the first admin gets one). The password comes from an environment variable,
 * never from the command line, where `ps` and shell history would show it.
 */
export function registerUserCommands(program: Command, io: CliIo): void {
  const user = program.command('user').description('people (directly in the database; stop an embedded server first)');
  withDatabaseOptions(user.command('password <username>'))
    .description('set the password someone signs in to the console with (at least 12 characters); ends their sessions')
    .requiredOption('--from-env <variable>', 'environment variable holding the password')
    .action(async (username: string, flags: ConfigFlags & { fromEnv: string }) => {
      const password = io.env[flags.fromEnv];
      if (password === undefined || password.length === 0)
        throw new CliError(`the environment variable ${flags.fromEnv} is not set`, exitCodes.usage);
      await withDatabase(flags, io, async (ctx) => {
        const found = await findUser(ctx.db, username);
        await setUserPassword({ ctx, input: { id: found.id, password } });
        writeLines(io.stdout, `Password set for ${found.username}; they can sign in to the console.`);
      });
    });

  withDatabaseOptions(user.command('setup-link [username]'))
    .description('print a one-time link (24 hours) where someone chooses their console password (default: admin)')
    .option('--json', 'print the link and its expiry as JSON')
    .action(async (username: string | undefined, flags: ConfigFlags & { json?: boolean }) => {
      const config = loadCliConfig(flags, io);
      const consoleUrl = consoleUrlOf(
        `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`,
        config.publicUrl,
      );
      await withDatabase(flags, io, async (ctx) => {
        const found = await findUser(ctx.db, username ?? 'admin');
        const link = await createSetupLink({ ctx, input: { userId: found.id } });
        const url = setupLinkUrl(consoleUrl, link.token);
        if (flags.json === true)
          return writeJson(io.stdout, { username: found.username, url, expiresAt: link.expiresAt });
        writeLines(
          io.stdout,
          `Setup link for ${found.username} (works once, until ${link.expiresAt}; earlier links stop working):`,
          url,
        );
      });
    });
}
