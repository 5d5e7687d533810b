import { Option, type Command } from 'commander';
import type { ApiToken } from '../auth/api-token-model.js';
import { createApiToken } from '../auth/create-api-token.js';
import { listApiTokens } from '../auth/list-api-tokens.js';
import { revokeApiToken } from '../auth/revoke-api-token.js';
import { roles } from '../core/actor.js';
import { AppError, type FieldIssue } from '../core/app-error.js';
import { systemCtx, type Ctx } from '../core/context.js';
import type { Queryable } from '../storage/database.js';
import { migrateDatabase } from '../storage/migrate.js';
import { uuidPattern } from '../users/user-statements.js';
import { openCliDatabase } from './cli-database.js';
import { loadCliConfig, type ConfigFlags } from './cli-config.js';
import { CliError, exitCodes, shortTime, writeJson, writeLines, type CliIo } from './cli-io.js';
import { formatTable } from './format-table.js';

const selectUser = `SELECT id, username, role, deactivated_at FROM users WHERE username = $1`;
const selectUsernames = `SELECT id, username FROM users ORDER BY username`;

/**
 * `astreinte token create|list|revoke`: works on the database directly, not over HTTP, because it is
 * how an operator gets a token when they have none. Acts as the system actor (audited as such).
 */
export function registerTokenCommands(program: Command, io: CliIo): void {
  const token = program
    .command('token')
    .description('create, list and revoke API tokens (directly in the database; stop an embedded server first)');

  withDatabaseOptions(token.command('create'))
    .description('create an API token and print its secret (shown only once)')
    .addOption(
      new Option('--role <role>', "role the token acts with (runner: a runner's token, owned by nobody)")
        .choices([...roles, 'runner'])
        .makeOptionMandatory(),
    )
    .option('--user <username>', 'owner of the token (not for runner tokens)', 'admin')
    .option('--name <text>', 'what the token is for (default: "created with astreinte token create")')
    .option('--json', 'print the token and its secret as JSON')
    .action(async (flags: ConfigFlags & { role: ApiToken['role']; user: string; name?: string; json?: boolean }) => {
      const name = flags.name ?? 'created with astreinte token create';
      if (name.length === 0 || name.length > 100)
        throw new CliError('--name must be 1 to 100 characters', exitCodes.usage);
      await withDatabase(flags, io, async (ctx) => {
        const user = flags.role === 'runner' ? null : await findUser(ctx.db, flags.user);
        const { token: created, secret } = await createApiToken({
          ctx,
          input: { ...(user === null ? {} : { userId: user.id }), name, role: flags.role },
        });
        if (flags.json === true) return writeJson(io.stdout, { token: created, secret });
        writeLines(
          io.stdout,
          user === null
            ? `Created runner token ${created.id} ("${created.name}"): start a runner with it (astreinte runner --help).`
            : `Created ${created.role} token ${created.id} for user ${user.username} ("${created.name}").`,
          'Its secret is shown only this once; store it now, it cannot be displayed again:',
          secret,
        );
      });
    });

  withDatabaseOptions(token.command('list'))
    .description('list API tokens (never their secrets)')
    .option('--user <username>', 'only the tokens of this user')
    .option('--json', 'print the tokens as JSON')
    .action(async (flags: ConfigFlags & { user?: string; json?: boolean }) => {
      await withDatabase(flags, io, async (ctx) => {
        const userId = flags.user === undefined ? undefined : (await findUser(ctx.db, flags.user)).id;
        const tokens = await listApiTokens({ ctx, input: userId === undefined ? {} : { userId } });
        if (flags.json === true) return writeJson(io.stdout, tokens);
        if (tokens.length === 0) return writeLines(io.stdout, 'No tokens.');
        const { rows } = await ctx.db.query<{ id: string; username: string }>(selectUsernames);
        const usernames = new Map(rows.map((row) => [row.id, row.username]));
        const now = io.now();
        writeLines(
          io.stdout,
          formatTable(
            ['ID', 'USER', 'ROLE', 'STATE', 'PREFIX', 'CREATED', 'LAST USED', 'NAME'],
            tokens.map((t) => [
              t.id,
              t.userId === null ? '-' : (usernames.get(t.userId) ?? t.userId),
              t.role,
              tokenState(t, now),
              `${t.prefix}…`,
              shortTime(t.createdAt),
              shortTime(t.lastUsedAt),
              t.name,
            ]),
          ),
        );
      });
    });

  withDatabaseOptions(token.command('revoke'))
    .description('revoke an API token at once')
    .argument('<id>', 'token id (see `astreinte token list`)')
    .action(async (id: string, flags: ConfigFlags) => {
      if (!uuidPattern.test(id))
        throw new CliError(`"${id}" is not a token id (a UUID, see \`astreinte token list\`)`, exitCodes.usage);
      await withDatabase(flags, io, async (ctx) => {
        const revoked = await revokeApiToken({ ctx, input: { id } });
        writeLines(
          io.stdout,
          `Revoked token ${revoked.id} ("${revoked.name}", ${revoked.role}) at ${shortTime(revoked.revokedAt)}.`,
        );
      });
    });
}

export function withDatabaseOptions(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'embedded database folder (ASTREINTE_DATA_DIR, default ./data)')
    .option('--database-url <url>', 'PostgreSQL server (DATABASE_URL)')
    .option('--config <file>', 'JSON file of settings (ASTREINTE_CONFIG)');
}

/** Opens and migrates the configured database, runs `work` as the system actor, closes it. */
export async function withDatabase(flags: ConfigFlags, io: CliIo, work: (ctx: Ctx) => Promise<void>): Promise<void> {
  const config = loadCliConfig(flags, io);
  const db = await openCliDatabase(config);
  try {
    await migrateDatabase(db);
    await work(systemCtx(db, io.now, 'cli'));
  } catch (error) {
    if (error instanceof AppError) throw fromAppError(error);
    throw error;
  } finally {
    await db.close();
  }
}

export async function findUser(db: Queryable, username: string): Promise<{ id: string; username: string }> {
  const { rows } = await db.query<{ id: string; username: string; deactivated_at: Date | null }>(selectUser, [
    username,
  ]);
  const user = rows[0];
  if (user === undefined) {
    const { rows: all } = await db.query<{ username: string }>(selectUsernames);
    if (all.length === 0) {
      throw new CliError(`no user "${username}": this database has no users yet`, exitCodes.failed, [
        '  start `astreinte serve` once on it: the first start creates the admin user (and prints its first token)',
      ]);
    }
    throw new CliError(`no user "${username}"`, exitCodes.failed, [
      `  users: ${all
        .slice(0, 20)
        .map((u) => u.username)
        .join(', ')}${all.length > 20 ? ', …' : ''}`,
    ]);
  }
  if (user.deactivated_at !== null) throw new CliError(`user "${username}" is deactivated`);
  return user;
}

function tokenState(token: ApiToken, now: Date): string {
  if (token.revokedAt !== null) return 'revoked';
  if (token.expiresAt !== null && Date.parse(token.expiresAt) <= now.getTime()) return 'expired';
  return 'active';
}

function fromAppError(error: AppError): CliError {
  const issues = (error.details['issues'] ?? []) as FieldIssue[];
  return new CliError(
    error.message,
    exitCodes.failed,
    issues.map((issue) => `  ${issue.path}: ${issue.message}`),
  );
}
