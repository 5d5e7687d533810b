import { InvalidArgumentError, type Command } from 'commander';
import { CliError, definedOnly, exitCodes, type CliIo } from './cli-io.js';
import { positiveInteger } from './cli-options.js';

/** The flags that describe a probe (`probe add`, `probe test`). */
export interface ProbeFlags {
  name?: string;
  http?: string;
  tcp?: string;
  tls?: string;
  dns?: string;
  recordType?: string;
  postgresUrlFromEnv?: string;
  redisUrlFromEnv?: string;
  prometheusQuery?: string;
  prometheusUrl?: string;
  insecure?: boolean;
  condition?: string[];
  interval?: number;
  service?: string;
  severity?: string;
}

const targetFlags = ['http', 'tcp', 'tls', 'dns', 'postgresUrlFromEnv', 'redisUrlFromEnv', 'prometheusQuery'] as const;
const shownFlag = (flag: string): string => `--${flag.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

/** Repeatable, and never split on commas: conditions may hold them. */
function collectCondition(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function severity(value: string): string {
  const upper = value.toUpperCase();
  if (!/^P[1-4]$/.test(upper)) throw new InvalidArgumentError('expected P1, P2, P3 or P4');
  return upper;
}

/**
 * Adds the probe flags to a command. Credentials never come from the command line (it shows in
 * the process list and the shell's history): PostgreSQL and Redis URLs are read from the
 * environment variable the flag names.
 */
export function withProbeFlags(command: Command): Command {
  return command
    .option('--name <name>', "the probe's name")
    .option('--http <url>', 'an HTTP(S) probe on this URL')
    .option('--tcp <host:port>', 'a TCP probe: the port accepts connections')
    .option('--tls <host:port>', 'a TLS probe: the certificate is valid and not about to expire')
    .option('--dns <name>', 'a DNS probe: the name resolves')
    .option('--record-type <type>', 'for --dns: A, AAAA, CNAME, MX, TXT, NS or SRV')
    .option(
      '--postgres-url-from-env <VAR>',
      'a PostgreSQL probe, its postgres:// URL (password included) read from $VAR',
    )
    .option('--redis-url-from-env <VAR>', 'a Redis probe, its redis:// URL read from $VAR')
    .option('--prometheus-query <promql>', 'a Prometheus probe: every series the query returns is active (`up == 0`)')
    .option('--prometheus-url <url>', "for --prometheus-query: the Prometheus to ask (default: the server's)")
    .option('--insecure', 'for --http and --tls: accept any certificate')
    .option(
      '--condition <condition>',
      'what must hold, e.g. "[STATUS] == 200" (repeatable; default per kind)',
      collectCondition,
    )
    .option('--interval <seconds>', 'seconds between checks (default 60)', positiveInteger)
    .option('--service <id>', 'the service it checks: its alerts go there')
    .option('--severity <P1..P4>', 'severity of its alerts (default P2)', severity);
}

/** The `CreateProbeInput` the flags describe; usage errors (exit 2) for a missing or doubled target, a bad address or an unset variable. */
export function probeBody(flags: ProbeFlags, env: CliIo['env'], defaultName?: string): Record<string, unknown> {
  const name = flags.name ?? defaultName;
  if (name === undefined) throw new CliError('give the probe a --name', exitCodes.usage);
  const given = targetFlags.filter((flag) => flags[flag] !== undefined);
  if (given.length !== 1) {
    const message =
      given.length === 0 ? 'say what to check' : `one target per probe, not ${given.map(shownFlag).join(' and ')}`;
    throw new CliError(`${message}: ${targetFlags.map(shownFlag).join(', ')}`, exitCodes.usage);
  }
  return definedOnly({
    name,
    target: targetOf(flags, env),
    conditions: flags.condition,
    intervalSeconds: flags.interval,
    serviceId: flags.service,
    severity: flags.severity,
  });
}

function targetOf(flags: ProbeFlags, env: CliIo['env']): Record<string, unknown> {
  const tls = flags.insecure === true ? { tls: { insecure: true } } : {};
  if (flags.http !== undefined) return { kind: 'http', url: withoutPassword(flags.http, '--http'), ...tls };
  if (flags.tcp !== undefined) return { kind: 'tcp', ...hostPort(flags.tcp, '--tcp') };
  if (flags.tls !== undefined) return { kind: 'tls', ...hostPort(flags.tls, '--tls'), ...tls };
  if (flags.dns !== undefined)
    return definedOnly({ kind: 'dns', name: flags.dns, recordType: flags.recordType?.toUpperCase() });
  if (flags.postgresUrlFromEnv !== undefined) return { kind: 'postgres', url: fromEnv(flags.postgresUrlFromEnv, env) };
  if (flags.redisUrlFromEnv !== undefined) return { kind: 'redis', url: fromEnv(flags.redisUrlFromEnv, env) };
  const url = flags.prometheusUrl === undefined ? undefined : withoutPassword(flags.prometheusUrl, '--prometheus-url');
  return definedOnly({ kind: 'prometheus', query: flags.prometheusQuery, url });
}

/** `db:5432`, `[::1]:5432`. */
function hostPort(text: string, flag: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:\s]+)):(\d{1,5})$/.exec(text);
  const port = Number(match?.[3]);
  if (match === null || port < 1 || port > 65_535)
    throw new CliError(`${flag} takes host:port (db.internal:5432), not "${text}"`, exitCodes.usage);
  return { host: match[1] ?? match[2] ?? '', port };
}

function fromEnv(variable: string, env: CliIo['env']): string {
  const value = env[variable];
  if (value === undefined || value === '')
    throw new CliError(
      `${variable} is not set: export the connection URL in it (credentials are never taken from the command line)`,
      exitCodes.usage,
    );
  return value;
}

/** URLs given on the command line must not carry a password: it would show in the process list. */
function withoutPassword(text: string, flag: string): string {
  let password: string;
  try {
    password = new URL(text).password;
  } catch {
    return text; // the server says what is wrong with it
  }
  if (password !== '')
    throw new CliError(
      `${flag} holds a password: credentials are never taken from the command line (use a secret header on the API, or --postgres-url-from-env / --redis-url-from-env)`,
      exitCodes.usage,
    );
  return text;
}
