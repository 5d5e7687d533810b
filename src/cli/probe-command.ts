import type { Command } from 'commander';
import type { ProbeVerdict } from '../probes/check-probe.js';
import type { ProbeResult, UptimeWindow } from '../probes/probe-history.js';
import { probeKindNames } from '../probes/probe-kinds.js';
import type { Probe } from '../probes/probe-row.js';
import { ApiClient, apiTarget } from './api-client.js';
import { CliError, shortTime, writeJson, writeLines, type CliIo } from './cli-io.js';
import { positiveInteger, withApiOptions } from './cli-options.js';
import { formatTable } from './format-table.js';
import { probeBody, withProbeFlags, type ProbeFlags } from './probe-flags.js';

interface ApiFlags {
  url?: string;
  token?: string;
  json?: boolean;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const pageSize = 1000;
/** `http, tcp, … or prometheus`: the kinds table's, so that a new kind shows in the help. */
const kindsListed = `${probeKindNames.slice(0, -1).join(', ')} or ${probeKindNames.at(-1) ?? ''}`;

/** `astreinte probe …`: list probes, add one, check one without saving it, and read a probe's results, over the HTTP API. */
export function registerProbeCommands(program: Command, io: CliIo): void {
  const probe = program
    .command('probe')
    .description('list, add and test probes (checks Astreinte runs itself), and read their results');
  const clientOf = (flags: ApiFlags): ApiClient => new ApiClient(apiTarget(flags, io.env));

  withApiOptions(probe.command('list'))
    .description('probes by name: kind, status, last check and what it said')
    .option('--status <status>', 'only probes in this status: up, down, pending, flapping or unknown')
    .option('--kind <kind>', `only probes of this kind: ${kindsListed}`)
    .option('--service <id>', 'only probes of this service')
    .action(async (flags: ApiFlags & { status?: string; kind?: string; service?: string }) => {
      const page = await clientOf(flags).request<{ items: Probe[]; total: number }>('GET', '/api/v1/probes', {
        query: { status: flags.status, kind: flags.kind, serviceId: flags.service, limit: pageSize },
      });
      if (flags.json === true) return writeJson(io.stdout, page.items);
      if (page.items.length === 0) return writeLines(io.stdout, 'no probes');
      writeLines(
        io.stdout,
        formatTable(
          ['name', 'kind', 'status', 'last check', 'last detail'],
          page.items.map((item) => [
            item.name,
            item.kind,
            item.enabled ? item.status : `${item.status} (disabled)`,
            shortTime(item.lastCheckedAt),
            lastDetail(item),
          ]),
          { maxWidths: [50, undefined, undefined, undefined, 100] },
        ),
      );
    });

  withProbeFlags(withApiOptions(probe.command('add')))
    .description('add a probe (admin): one target flag, conditions optional (default per kind)')
    .action(async (flags: ApiFlags & ProbeFlags) => {
      const created = await clientOf(flags).request<Probe>('POST', '/api/v1/probes', {
        body: probeBody(flags, io.env),
      });
      if (flags.json === true) return writeJson(io.stdout, created);
      writeLines(
        io.stdout,
        `Added probe ${created.name} (${created.id}): ${created.kind}, every ${created.intervalSeconds} s, ${created.severity}`,
        `Conditions: ${created.conditions.length === 0 ? '(every series returned is active)' : created.conditions.join('; ')}`,
      );
    });

  withProbeFlags(withApiOptions(probe.command('test')))
    .description('check a probe once, now, without saving it (admin): what each condition saw; exits 1 when it fails')
    .action(async (flags: ApiFlags & ProbeFlags) => {
      const verdict = await clientOf(flags).request<ProbeVerdict>('POST', '/api/v1/probes/test', {
        body: probeBody(flags, io.env, 'astreinte probe test'),
      });
      if (flags.json === true) writeJson(io.stdout, verdict);
      else writeLines(io.stdout, ...formatVerdict(verdict));
      if (!verdict.passed) throw new CliError(`the check failed: ${verdict.detail ?? 'a condition does not hold'}`);
    });

  withApiOptions(probe.command('results'))
    .description("a probe's recent checks, newest first, and its uptime over 24 h, 7, 30 and 90 days")
    .argument('<probe>', "the probe's name or id")
    .option('--limit <n>', 'how many recent checks (default 20)', positiveInteger)
    .action(async (reference: string, flags: ApiFlags & { limit?: number }) => {
      const client = clientOf(flags);
      const found = await findProbe(client, reference);
      const path = `/api/v1/probes/${encodeURIComponent(found.id)}`;
      const [results, uptime] = await Promise.all([
        client.request<ProbeResult[]>('GET', `${path}/results`, { query: { limit: flags.limit ?? 20 } }),
        client.request<UptimeWindow[]>('GET', `${path}/uptime`),
      ]);
      if (flags.json === true) return writeJson(io.stdout, { probe: found, results, uptime });
      writeLines(
        io.stdout,
        `${found.name} (${found.kind}): ${found.status}${found.enabled ? '' : ', disabled'}, last check ${shortTime(found.lastCheckedAt)}`,
        '',
        formatTable(
          ['window', 'uptime', 'checks', 'failures', 'avg latency', 'max latency'],
          uptime.map((window) => [
            window.window,
            window.uptimePercent === null ? '-' : `${window.uptimePercent}%`,
            String(window.checks),
            String(window.failures),
            milliseconds(window.averageLatencyMs),
            milliseconds(window.maxLatencyMs),
          ]),
        ),
        '',
        results.length === 0
          ? 'no checks in the last 24 hours'
          : formatTable(
              ['checked at', 'result', 'latency', 'detail'],
              results.map((result) => [
                shortTime(result.startedAt),
                result.success ? 'ok' : 'FAILED',
                milliseconds(result.latencyMs),
                result.detail ?? '',
              ]),
              { maxWidths: [undefined, undefined, undefined, 120] },
            ),
      );
    });
}

/** A probe by id, or by its exact name (then case-insensitively), over every page of the list. */
async function findProbe(client: ApiClient, reference: string): Promise<Probe> {
  if (uuid.test(reference)) return client.request<Probe>('GET', `/api/v1/probes/${reference}`);
  const all: Probe[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await client.request<{ items: Probe[]; total: number }>('GET', '/api/v1/probes', {
      query: { limit: pageSize, offset },
    });
    all.push(...page.items);
    if (page.items.length < pageSize || all.length >= page.total) break;
  }
  const found =
    all.find((item) => item.name === reference) ??
    all.find((item) => item.name.toLowerCase() === reference.toLowerCase());
  if (found === undefined) throw new CliError(`no probe named "${reference}" (see astreinte probe list)`);
  return found;
}

function lastDetail(probe: Probe): string {
  if (probe.lastResult === null) return '';
  return probe.lastResult.detail ?? `ok in ${probe.lastResult.latencyMs} ms`;
}

function milliseconds(value: number | null): string {
  return value === null ? '-' : `${Math.round(value)} ms`;
}

/** Each condition with ✓ or ✗ and what it saw, each series of a Prometheus probe, then the outcome. */
function formatVerdict(verdict: ProbeVerdict): string[] {
  const lines = verdict.conditions.map(
    (condition) => `${condition.passed ? '✓' : '✗'} ${condition.condition}  ${condition.detail}`,
  );
  for (const series of verdict.series ?? []) {
    const labels = Object.entries(series.labels)
      .map(([name, value]) => `${name}="${value}"`)
      .join(', ');
    lines.push(`${series.passed ? '✓' : '✗'} {${labels}}  ${series.detail}`);
  }
  if (verdict.conditions.length === 0 && (verdict.series ?? []).length === 0 && verdict.detail !== null)
    lines.push(`✗ ${verdict.detail}`);
  lines.push(
    verdict.passed ? `passed in ${Math.round(verdict.latencyMs)} ms` : `failed in ${Math.round(verdict.latencyMs)} ms`,
  );
  return lines;
}
