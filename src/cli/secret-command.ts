import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Secret } from '../execution/secrets/secret-model.js';
import { ApiClient, apiTarget } from './api-client.js';
import { withApiOptions } from './cli-options.js';
import { CliError, exitCodes, shortTime, writeJson, writeLines, type CliIo } from './cli-io.js';
import { formatTable } from './format-table.js';

interface ApiFlags {
  url?: string;
  token?: string;
  json?: boolean;
}

const setHelp = `
The value never goes on the command line (it would show in your shell history and in ps):
give it with --from-env VAR (read from the CLI's environment) or --from-file PATH (one trailing
newline is dropped), e.g.  read -rs PW && export PW && astreinte secret set DB_PASSWORD --from-env PW

A step parameter of the same name (\${DB_PASSWORD}, <DB_PASSWORD> …) left empty takes this value,
and the value is redacted from the output of every step.`;

/** `astreinte secret set|list|delete`: the secret store, over the HTTP API (admins write). */
export function registerSecretCommands(program: Command, io: CliIo): void {
  const secret = program
    .command('secret')
    .description('store, list and delete secrets for runbook steps (over the HTTP API)');
  const clientOf = (flags: ApiFlags): ApiClient => new ApiClient(apiTarget(flags, io.env));
  const pathOf = (name: string): string => `/api/v1/secrets/${encodeURIComponent(name)}`;

  withApiOptions(secret.command('set'))
    .description('store a secret (create or replace), sealed with the server key')
    .argument('<name>', 'a shell variable name, as steps refer to it (DB_PASSWORD)')
    .option('--from-env <variable>', 'read the value from this environment variable')
    .option('--from-file <path>', 'read the value from this file')
    .option('--description <text>', 'what the secret is for')
    .addHelpText('after', setHelp)
    .action(async (name: string, flags: ApiFlags & { fromEnv?: string; fromFile?: string; description?: string }) => {
      const value = await readValue(flags, io);
      const body = { value, ...(flags.description === undefined ? {} : { description: flags.description }) };
      const stored = await clientOf(flags).request<Secret>('PUT', pathOf(name), { body });
      if (flags.json === true) return writeJson(io.stdout, stored);
      writeLines(
        io.stdout,
        `Stored secret ${stored.name}${stored.description === null ? '' : ` (${stored.description})`}.`,
      );
    });

  withApiOptions(secret.command('list'))
    .description('list the secrets steps can use (never their values)')
    .action(async (flags: ApiFlags) => {
      const secrets = await clientOf(flags).request<Secret[]>('GET', '/api/v1/secrets');
      if (flags.json === true) return writeJson(io.stdout, secrets);
      if (secrets.length === 0) return writeLines(io.stdout, 'No secrets.');
      const rows = secrets.map((s) => [
        s.name,
        s.source,
        shortTime(s.updatedAt),
        s.updatedBy ?? '',
        s.description ?? '',
      ]);
      writeLines(io.stdout, formatTable(['NAME', 'SOURCE', 'UPDATED', 'BY', 'DESCRIPTION'], rows));
    });

  withApiOptions(secret.command('delete'))
    .description('delete a stored secret')
    .argument('<name>', 'the secret to delete')
    .action(async (name: string, flags: ApiFlags) => {
      await clientOf(flags).request<undefined>('DELETE', pathOf(name));
      if (flags.json === true) return writeJson(io.stdout, { deleted: name });
      writeLines(io.stdout, `Deleted secret ${name}.`);
    });
}

async function readValue(flags: { fromEnv?: string; fromFile?: string }, io: CliIo): Promise<string> {
  if ((flags.fromEnv === undefined) === (flags.fromFile === undefined)) {
    throw new CliError(
      'give the value with exactly one of --from-env VAR or --from-file PATH (never on the command line)',
      exitCodes.usage,
    );
  }
  if (flags.fromEnv !== undefined) {
    const value = io.env[flags.fromEnv];
    if (value === undefined || value === '')
      throw new CliError(`the environment variable ${flags.fromEnv} is not set`, exitCodes.usage);
    return value;
  }
  try {
    return (await readFile(flags.fromFile!, 'utf8')).replace(/\r?\n$/, '');
  } catch (error) {
    throw new CliError(
      `cannot read ${flags.fromFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      exitCodes.usage,
    );
  }
}
