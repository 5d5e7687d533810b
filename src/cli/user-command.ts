import type { Command } from 'commander';
import { setUserPassword } from '../users/set-user-password.js';
import type { ConfigFlags } from './cli-config.js';
import { CliError, exitCodes, writeLines, type CliIo } from './cli-io.js';
import { findUser, withDatabase, withDatabaseOptions } from './token-command.js';

/**
 * `astreinte user password USERNAME --from-env VAR`: sets a person's console password directly in
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
}
