import { Resolver } from 'node:dns/promises';
import type { DnsTarget } from '../kinds/dns-probe.js';
import type { CheckOptions, Observation, ObservedValues } from '../probe-model.js';
import { unreachedObservation } from './check-outcome.js';
import { startBudget, type CheckBudget } from './check-timing.js';

type DnsRecordType = NonNullable<DnsTarget['recordType']>;

// The answers c-ares turns into errors: the server did answer, with this response code.
// ENODATA is a NOERROR response without records of the type asked (the name exists).
const answeredCodes: Readonly<Record<string, string>> = {
  ENODATA: 'NOERROR',
  ENOTFOUND: 'NXDOMAIN',
  ESERVFAIL: 'SERVFAIL',
  EREFUSED: 'REFUSED',
  EFORMERR: 'FORMERR',
  ENOTIMP: 'NOTIMP',
};

/**
 * A DNS check: asks `target.server` (`10.0.0.2`, `127.0.0.1:5353`; default the system's
 * resolvers) for the `recordType` records (default A) of `target.name`. Fills `DNS_RCODE`
 * (`NOERROR`, `NXDOMAIN`, `SERVFAIL`, `REFUSED`, `TIMEOUT`, or the error code), `DNS_ANSWERS`
 * (strings, sorted: `10 mail.example.com` for MX, `priority weight port name` for SRV, TXT
 * chunks joined), `BODY` (the answers joined with `, `), `CONNECTED` (the server answered,
 * NXDOMAIN included) and `RESPONSE_TIME`. Never throws.
 */
export async function runDnsCheck(target: DnsTarget, options: CheckOptions): Promise<Observation> {
  const budget = startBudget(options);
  // c-ares doubles the timeout on each retry: two tries of a third each fill the budget; the
  // budget's own timer cancels the query should c-ares still be waiting then.
  const resolver = new Resolver({ timeout: Math.max(1, Math.floor(options.timeoutMs / 3)), tries: 2 });
  const cancelQuery = (): void => resolver.cancel();
  budget.signal.addEventListener('abort', cancelQuery, { once: true });
  try {
    if (budget.signal.aborted) throw budget.signal.reason;
    if (target.server !== undefined) resolver.setServers([target.server]);
    const answers = await queryAnswers(resolver, target.name, target.recordType ?? 'A');
    return answeredObservation(budget, 'NOERROR', answers);
  } catch (error) {
    return failedObservation(budget, error, options.timeoutMs, target.server);
  } finally {
    budget.signal.removeEventListener('abort', cancelQuery);
    budget.end();
  }
}

async function queryAnswers(resolver: Resolver, name: string, recordType: DnsRecordType): Promise<string[]> {
  const answers = await queryRecords(resolver, name, recordType);
  // Servers rotate their answers (round robin): sorted, `[BODY]` does not change between checks.
  return answers.sort((left, right) => left.localeCompare(right, 'en', { numeric: true }));
}

async function queryRecords(resolver: Resolver, name: string, recordType: DnsRecordType): Promise<string[]> {
  switch (recordType) {
    case 'A':
      return resolver.resolve4(name);
    case 'AAAA':
      return resolver.resolve6(name);
    case 'CNAME':
      return resolver.resolveCname(name);
    case 'NS':
      return resolver.resolveNs(name);
    case 'MX':
      return (await resolver.resolveMx(name)).map((record) => `${record.priority} ${record.exchange}`);
    case 'TXT':
      // A TXT record is a list of strings of at most 255 bytes: one long value split by its publisher.
      return (await resolver.resolveTxt(name)).map((chunks) => chunks.join(''));
    case 'SRV':
      return (await resolver.resolveSrv(name)).map(
        (record) => `${record.priority} ${record.weight} ${record.port} ${record.name}`,
      );
  }
}

function answeredObservation(budget: CheckBudget, rcode: string, answers: string[]): Observation {
  const latencyMs = budget.elapsedMs();
  const values: ObservedValues = {
    CONNECTED: true,
    RESPONSE_TIME: latencyMs,
    DNS_RCODE: rcode,
    DNS_ANSWERS: answers,
    BODY: answers.join(', '),
  };
  return { reached: true, latencyMs, values, error: null };
}

function failedObservation(
  budget: CheckBudget,
  error: unknown,
  timeoutMs: number,
  server: string | undefined,
): Observation {
  const stopReason = budget.stopReason();
  if (stopReason !== null) {
    return unreachedObservation(budget, error, {
      DNS_RCODE: stopReason === 'cancelled' ? 'CANCELLED' : 'TIMEOUT',
      DNS_ANSWERS: [],
      BODY: '',
    });
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'ERROR';
  const rcode = answeredCodes[code];
  if (rcode !== undefined) return answeredObservation(budget, rcode, []);
  // c-ares gave up on its own (its retries took the budget): the same timeout as the budget's.
  const cause = code === 'ETIMEOUT' ? new Error(`timeout after ${timeoutMs} ms`) : error;
  const observation = unreachedObservation(budget, cause, {
    DNS_RCODE: code === 'ETIMEOUT' ? 'TIMEOUT' : code,
    DNS_ANSWERS: [],
    BODY: '',
  });
  // c-ares names the name asked (`ECONNREFUSED api.internal`), not the server that failed.
  if (server !== undefined && observation.error?.includes(server) === false) observation.error += ` (server ${server})`;
  return observation;
}
