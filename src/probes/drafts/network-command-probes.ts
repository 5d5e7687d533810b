import { probeKinds } from '../probe-kinds.js';
import { dnsRecordTypes, type DnsTarget } from '../kinds/dns-probe.js';
import { hostPortLabel, isHostWord, placeHost, readPort, splitHostPort, type CommandContext } from './probe-host.js';
import type { CommandProbe } from './probe-suggestion.js';
import { hasAnyFlag, lastValue, readOptions } from './read-options.js';

/** A TCP probe on a host and port as written; null when either cannot be one. */
function tcpProbe(
  host: string | undefined,
  port: string | undefined,
  context: CommandContext,
  notes: string[],
): CommandProbe | null {
  if (host === undefined || port === undefined || !isHostWord(host, context)) return null;
  const number = readPort(port, context);
  if (number === null) return null;
  const placed = placeHost(host, context, notes);
  return {
    target: { kind: 'tcp', host: placed, port: number },
    conditions: [...probeKinds.tcp.defaultConditions],
    label: `tcp ${hostPortLabel(placed, number)}`,
    needs: [],
    notes,
  };
}

/** `openssl s_client -connect H:P [-servername N]`: a TLS probe (certificate valid, more than 7 days left). */
export function opensslProbe(args: readonly string[], context: CommandContext): CommandProbe | null {
  if (args[0] !== 's_client') return null;
  const read = readOptions(args.slice(1), {
    singleDash: true,
    valueLong: [
      'connect',
      'host',
      'port',
      'servername',
      'CAfile',
      'CApath',
      'cert',
      'key',
      'starttls',
      'proxy',
      'verify',
    ],
  });
  // STARTTLS (smtp, imap…) speaks the protocol first: a TLS probe connects in TLS directly.
  if (lastValue(read, 'starttls') !== null) return null;
  const connect = splitHostPort(lastValue(read, 'connect') ?? lastValue(read, 'host') ?? 'localhost');
  const notes: string[] = [];
  if (!isHostWord(connect.host, context)) return null;
  const host = placeHost(connect.host, context, notes);
  const port = readPort(connect.port ?? lastValue(read, 'port') ?? '443', context);
  if (port === null) return null;
  const serverName = lastValue(read, 'servername');
  const caFile = lastValue(read, 'CAfile');
  if (caFile !== null) notes.push(`the step trusts the certificates of ${caFile}: paste them as tls.ca`);
  return {
    target: { kind: 'tls', host, port, ...(serverName === null || serverName === host ? {} : { tls: { serverName } }) },
    conditions: [...probeKinds.tls.defaultConditions],
    label: `tls ${hostPortLabel(host, port)}`,
    needs: [],
    notes,
  };
}

/** `nc -z H P` (also `-zv`, `-w 3`): a TCP probe; a port range or a listening `nc -l` is none. */
export function netcatProbe(args: readonly string[], context: CommandContext): CommandProbe | null {
  const read = readOptions(args, {
    valueShort: 'wsipqXxOITec',
    valueLong: ['wait', 'source', 'source-port', 'proxy', 'proxy-type', 'exec', 'sh-exec'],
  });
  if (!read.flags.has('z') || hasAnyFlag(read, 'l', 'listen', 'u', 'udp')) return null;
  const probe = tcpProbe(read.positionals[0], read.positionals[1], context, []);
  const wait = Number(lastValue(read, 'w', 'wait') ?? Number.NaN);
  if (probe !== null && Number.isFinite(wait) && wait > 0)
    probe.timeoutMs = Math.min(60_000, Math.max(100, Math.round(wait * 1000)));
  return probe;
}

/** `telnet H P`: only a connection is tried, which a TCP probe does. */
export function telnetProbe(args: readonly string[], context: CommandContext): CommandProbe | null {
  const read = readOptions(args, { valueShort: 'beklnSX' });
  return tcpProbe(read.positionals[0], read.positionals[1], context, [
    'telnet only opens a connection here: a tcp probe does the same',
  ]);
}

/** Types dig takes as a word after the name, probes asking only some (`dnsRecordTypes`). */
const digTypes = new Set<string>([
  ...dnsRecordTypes,
  'PTR',
  'SOA',
  'ANY',
  'CAA',
  'DS',
  'DNSKEY',
  'NAPTR',
  'TLSA',
  'HTTPS',
  'SVCB',
]);

/** A DNS probe on a name; `type` is kept when probes can ask for it. */
function dnsProbe(
  name: string | undefined,
  type: string | null,
  server: string | null,
  context: CommandContext,
): CommandProbe | null {
  if (name === undefined || (!context.hasParameter(name) && !/^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.?$/.test(name)))
    return null;
  const notes: string[] = [];
  const target: DnsTarget = { kind: 'dns', name };
  const upper = type?.toUpperCase() ?? null;
  const known = dnsRecordTypes.find((candidate) => candidate === upper);
  if (known !== undefined && known !== 'A') target.recordType = known;
  if (upper !== null && known === undefined)
    notes.push(`the step asks for ${upper} records, which probes do not: proposed for A records`);
  if (server !== null) {
    const { host, port } = splitHostPort(server);
    const placed = placeHost(host, context, notes);
    target.server = port === null ? placed : hostPortLabel(placed, port);
  }
  return { target, conditions: [...probeKinds.dns.defaultConditions], label: `dns ${name}`, needs: [], notes };
}

/** `dig [@server] [-t TYPE] NAME [TYPE] [+short]`; a reverse lookup (`-x`) is none. */
export function digProbe(args: readonly string[], context: CommandContext): CommandProbe | null {
  const read = readOptions(args, { valueShort: 'bcfkpqtxy' });
  if (lastValue(read, 'x') !== null) return null;
  let server: string | null = null;
  let type = lastValue(read, 't');
  const names: string[] = [];
  for (const word of read.positionals) {
    if (word.startsWith('@')) server = word.slice(1);
    else if (word.startsWith('+')) continue;
    else if (names.length > 0 && digTypes.has(word.toUpperCase())) type = word;
    else names.push(word);
  }
  const port = lastValue(read, 'p');
  if (server !== null && port !== null) server = hostPortLabel(server, port);
  return dnsProbe(lastValue(read, 'q') ?? names[0], type, server, context);
}

/** `nslookup [-type=MX] NAME [SERVER]`; interactive nslookup (no name) is none. */
export function nslookupProbe(args: readonly string[], context: CommandContext): CommandProbe | null {
  const read = readOptions(args, { singleDash: true });
  const [name, server] = read.positionals;
  const port = lastValue(read, 'port');
  const withPort = server === undefined ? null : port === null ? server : hostPortLabel(server, port);
  return dnsProbe(name, lastValue(read, 'type', 'querytype', 'query', 'q'), withPort, context);
}
