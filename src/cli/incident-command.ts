import { withApiOptions } from './cli-options.js';
import { InvalidArgumentError, type Command } from 'commander';
import type { Incident, TimelineEvent } from '../incidents/incident-model.js';
import { ApiClient, apiTarget } from './api-client.js';
import { collectList, definedOnly, writeJson, writeLines, type CliIo } from './cli-io.js';
import { formatIncident, formatIncidentList, formatNextActions, formatTimeline } from './incident-format.js';

interface ApiFlags {
  url?: string;
  token?: string;
  json?: boolean;
}

/** `astreinte incident …`: declare, list, show and move incidents along their lifecycle, over the HTTP API. */
export function registerIncidentCommands(program: Command, io: CliIo): void {
  const incident = program
    .command('incident')
    .description('declare, list, show, acknowledge, mitigate, resolve and reopen incidents (over the HTTP API)');
  const clientOf = (flags: ApiFlags): ApiClient => new ApiClient(apiTarget(flags, io.env));
  const encode = encodeURIComponent;

  withApiOptions(incident.command('declare'))
    .description('declare an incident (status triggered)')
    .argument('<title>', 'what is wrong, in a few words')
    .option('--severity <P1..P4>', 'P1 (worst) to P4; default P3')
    .option('--service <id>', 'affected service id (repeatable, or comma-separated)', collectList)
    .option('--summary <text>', 'what is known so far')
    .option('--impact <text>', 'who or what is affected')
    .option('--label <key=value>', 'a label (repeatable)', collectLabel)
    .action(
      async (
        title: string,
        flags: ApiFlags & {
          severity?: string;
          service?: string[];
          summary?: string;
          impact?: string;
          label?: Record<string, string>;
        },
      ) => {
        const body = definedOnly({
          title,
          severity: flags.severity?.toUpperCase(),
          services: flags.service,
          summary: flags.summary,
          impact: flags.impact,
          labels: flags.label,
        });
        const created = await clientOf(flags).request<Incident>('POST', '/api/v1/incidents', { body });
        if (flags.json === true) return writeJson(io.stdout, created);
        writeLines(
          io.stdout,
          `Declared ${created.id} [${created.severity}] ${created.status}: ${created.title}`,
          `Next: ${formatNextActions(created)}`,
        );
      },
    );

  withApiOptions(incident.command('list'))
    .description('list incidents, newest first')
    .option(
      '--status <status>',
      'triggered, acknowledged, mitigated or resolved (repeatable, or comma-separated)',
      collectList,
    )
    .option('--severity <P1..P4>', 'severity (repeatable, or comma-separated)', collectList)
    .option('--service <id>', 'only incidents affecting this service')
    .option('--open', 'only incidents not resolved')
    .option('--limit <n>', 'at most this many (1 to 500, default 50)')
    .action(
      async (
        flags: ApiFlags & { status?: string[]; severity?: string[]; service?: string; open?: boolean; limit?: string },
      ) => {
        const page = await clientOf(flags).request<{ items: Incident[]; total: number }>('GET', '/api/v1/incidents', {
          query: {
            status: flags.status,
            severity: flags.severity?.map((s) => s.toUpperCase()),
            service: flags.service,
            open: flags.open,
            limit: flags.limit,
          },
        });
        if (flags.json === true) return writeJson(io.stdout, page);
        writeLines(io.stdout, formatIncidentList(page.items, page.total));
      },
    );

  withApiOptions(incident.command('show'))
    .description('show an incident and its timeline')
    .argument('<id>', 'incident id, e.g. INC-42')
    .action(async (id: string, flags: ApiFlags) => {
      const client = clientOf(flags);
      const [shown, timeline] = await Promise.all([
        client.request<Incident>('GET', `/api/v1/incidents/${encode(id)}`),
        client.request<TimelineEvent[]>('GET', `/api/v1/incidents/${encode(id)}/timeline`),
      ]);
      if (flags.json === true) return writeJson(io.stdout, { incident: shown, timeline });
      writeLines(io.stdout, formatIncident(shown), '', formatTimeline(timeline));
    });

  const actions = [
    {
      name: 'ack',
      action: 'acknowledge',
      alias: 'acknowledge',
      help: 'acknowledge an incident: someone is on it (triggered → acknowledged)',
    },
    { name: 'mitigate', action: 'mitigate', help: 'the impact has stopped (acknowledged → mitigated)' },
    { name: 'resolve', action: 'resolve', help: 'resolve an incident (from triggered, acknowledged or mitigated)' },
    { name: 'reopen', action: 'reopen', help: 'reopen a resolved incident (resolved → triggered)' },
  ];
  for (const { name, action, alias, help } of actions) {
    const command = withApiOptions(incident.command(name));
    if (alias !== undefined) command.alias(alias);
    command
      .description(help)
      .argument('<id>', 'incident id, e.g. INC-42')
      .option('--note <text>', 'why, shown in the timeline')
      .action(async (id: string, flags: ApiFlags & { note?: string }) => {
        const body = definedOnly({ note: flags.note });
        const changed = await clientOf(flags).request<Incident>('POST', `/api/v1/incidents/${encode(id)}/${action}`, {
          body,
        });
        if (flags.json === true) return writeJson(io.stdout, changed);
        writeLines(
          io.stdout,
          `${changed.id} is now ${changed.status}: ${changed.title}`,
          `Next: ${formatNextActions(changed)}`,
        );
      });
  }
}

function collectLabel(value: string, previous: Record<string, string> | undefined): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError('expected key=value, e.g. team=payments');
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}
