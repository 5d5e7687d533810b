import { probeKinds } from '../probe-kinds.js';
import { hostPortLabel, placeHost, readPort, type CommandContext } from './probe-host.js';
import type { CommandProbe } from './probe-suggestion.js';
import { allValues, hasAnyFlag, lastValue, readOptions } from './read-options.js';

/** Host, port, database and credentials read from a connection URI (`postgres://u:p@db:5432/app`) or conninfo (`host=db port=5432`). */
interface Connection {
  host: string | null;
  port: string | null;
  database: string | null;
  user: string | null;
  password: string | null;
}

const none: Connection = { host: null, port: null, database: null, user: null, password: null };

function readConnection(text: string | null): Connection {
  if (text === null) return none;
  const uri =
    /^(?:postgres(?:ql)?|rediss?):\/\/(?:([^:@/]*)(?::([^@/]*))?@)?(\[[^\]]+\]|[^:/?]*)(?::([^/?]*))?(?:\/([^?]*))?/.exec(
      text,
    );
  if (uri !== null) {
    const [, user, password, host, port, database] = uri.map((part) => (part === '' ? undefined : part));
    return {
      user: user ?? null,
      password: password ?? null,
      host: host?.replace(/^\[|\]$/g, '') ?? null,
      port: port ?? null,
      database: database ?? null,
    };
  }
  const pairs = new Map([...text.matchAll(/(\w+)\s*=\s*(\S+)/g)].map((match) => [match[1] ?? '', match[2] ?? '']));
  return { ...none, host: pairs.get('host') ?? null, port: pairs.get('port') ?? null };
}

/** A TCP probe on the PostgreSQL server (no credentials are guessed); null for a Unix socket or an unreadable port. */
function postgresTcpProbe(
  host: string | null,
  port: string | null,
  context: CommandContext,
  notes: string[],
): CommandProbe | null {
  if (host?.startsWith('/') === true) return null;
  const placed = placeHost(host, context, notes);
  const number = port === null ? 5432 : readPort(port, context);
  if (number === null) return null;
  return {
    target: { kind: 'tcp', host: placed, port: number },
    conditions: [...probeKinds.tcp.defaultConditions],
    label: `tcp ${hostPortLabel(placed, number)}`,
    needs: [],
    notes,
  };
}

/** `pg_isready [-h H] [-p P]`: whether the server accepts connections, which a TCP probe tells without credentials. */
export function pgIsReadyProbe(args: readonly string[], context: CommandContext): CommandProbe | null {
  const read = readOptions(args, { valueShort: 'hpdUt', valueLong: ['host', 'port', 'dbname', 'username', 'timeout'] });
  const connection = readConnection(lastValue(read, 'd', 'dbname'));
  const notes = [
    'pg_isready only asks whether the server takes connections: a tcp probe does the same; a postgres probe (its URL given as a secret) can also run a query',
  ];
  const probe = postgresTcpProbe(
    lastValue(read, 'h', 'host') ?? connection.host,
    lastValue(read, 'p', 'port') ?? connection.port,
    context,
    notes,
  );
  if (probe !== null && connection.password !== null) probe.withheld = [connection.password];
  const timeout = Number(lastValue(read, 't', 'timeout') ?? Number.NaN);
  if (probe !== null && Number.isInteger(timeout) && timeout > 0) probe.timeoutMs = Math.min(60_000, timeout * 1000);
  return probe;
}

/** `psql -h H … -c "SELECT …"`: a TCP probe on H (a query with credentials is the user's to give); nothing without a host. */
export function psqlProbe(args: readonly string[], context: CommandContext): CommandProbe | null {
  const read = readOptions(args, {
    valueShort: 'hpUdcfvoPT',
    valueLong: ['host', 'port', 'username', 'dbname', 'command', 'file', 'set', 'variable', 'output', 'pset'],
  });
  const select = allValues(read, 'c', 'command').find((sql) => /^\s*select\b/i.test(sql));
  if (select === undefined) return null;
  const written =
    lastValue(read, 'd', 'dbname') ?? read.positionals.find((word) => /^postgres(ql)?:\/\/|=/.test(word)) ?? null;
  const connection = readConnection(written);
  const host = lastValue(read, 'h', 'host') ?? connection.host;
  if (host === null) return null;
  const notes = [
    `the step runs \`${select.trim()}\`: a postgres probe can run it too, given a connection URL as a secret (credentials are not taken from runbooks)`,
  ];
  const probe = postgresTcpProbe(host, lastValue(read, 'p', 'port') ?? connection.port, context, notes);
  if (probe !== null && connection.password !== null) probe.withheld = [connection.password];
  return probe;
}

const redisValueLong = [
  'user',
  'pass',
  'sni',
  'cacert',
  'cacertdir',
  'cert',
  'key',
  'pattern',
  'count',
  'tls-ciphers',
  'tls-ciphersuites',
  'eval',
  'rdb',
];

/**
 * `redis-cli [-h H] [-p P] [-a PASS] ping` (or `info …`): a Redis probe on `redis://H:P`, PING
 * answering PONG. A password that is a step placeholder is kept as written in the URL; one
 * written out is not copied (`needs: ['password']`).
 */
export function redisCliProbe(args: readonly string[], context: CommandContext): CommandProbe | null {
  const read = readOptions(args, { valueShort: 'hpsaunridx', valueLong: redisValueLong });
  const command = read.positionals[0]?.toLowerCase();
  if ((command !== 'ping' && command !== 'info') || lastValue(read, 's') !== null) return null;
  const uri = readConnection(lastValue(read, 'u'));
  const notes: string[] = [];
  const needs: string[] = [];
  const host = placeHost(lastValue(read, 'h') ?? uri.host, context, notes);
  const written = lastValue(read, 'p') ?? uri.port;
  const port = written === null ? 6379 : readPort(written, context);
  if (port === null) return null;
  const database = lastValue(read, 'n') ?? uri.database;
  const user = lastValue(read, 'user') ?? uri.user;
  let password = lastValue(read, 'a', 'pass') ?? uri.password;
  const withheld: string[] = [];
  if (password !== null && !context.hasParameter(password)) {
    withheld.push(password);
    needs.push('password');
    notes.push(
      'the step writes its Redis password out: not copied from the runbook; put it in the URL (redis://:PASSWORD@host:port), which is sealed',
    );
    password = null;
  }
  const auth = password === null ? '' : `${user ?? ''}:${password}@`;
  const scheme = hasAnyFlag(read, 'tls') || lastValue(read, 'u')?.startsWith('rediss:') === true ? 'rediss' : 'redis';
  const url = `${scheme}://${auth}${hostPortLabel(host, port)}${database === null || database === '' ? '' : `/${database}`}`;
  if (command === 'info') {
    const section = read.positionals[1]?.toLowerCase() ?? 'all';
    notes.push(
      section === 'memory'
        ? 'the step reads INFO memory: a condition such as `[INFO].used_memory / [INFO].maxmemory < 85%` needs maxmemory set (0 means no limit) and a threshold the runbook does not give'
        : `the step reads INFO ${section}: its fields are in [INFO] for conditions`,
    );
  }
  return {
    target: { kind: 'redis', url },
    conditions: [...probeKinds.redis.defaultConditions],
    label: `redis ${hostPortLabel(host, port)}`,
    needs,
    notes,
    withheld,
  };
}
