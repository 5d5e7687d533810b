import type { Command } from 'commander';
import type { CorrectiveAction, Postmortem } from '../postmortems/postmortem-model.js';
import { ApiClient, apiTarget } from './api-client.js';
import { definedOnly, writeJson, writeLines, type CliIo } from './cli-io.js';
import { withApiOptions } from './cli-options.js';
import { fetchPostmortemExport } from './postmortem-export.js';
import { formatActions, formatPostmortem } from './postmortem-format.js';

interface ApiFlags {
  url?: string;
  token?: string;
  json?: boolean;
}

/** `astreinte postmortem …`: draft an incident's post-mortem, show or export it, follow corrective actions. */
export function registerPostmortemCommands(program: Command, io: CliIo): void {
  const postmortem = program
    .command('postmortem')
    .description('draft, show and export post-mortems, follow corrective actions (over the HTTP API)');
  const clientOf = (flags: ApiFlags): ApiClient => new ApiClient(apiTarget(flags, io.env));
  const pathOf = (id: string): string => `/api/v1/incidents/${encodeURIComponent(id)}/postmortem`;

  withApiOptions(postmortem.command('draft'))
    .description(
      "draft an incident's post-mortem from its timeline: key moments, durations against targets, sections to write",
    )
    .argument('<incident>', 'incident id, e.g. INC-12')
    .option('--time-zone <zone>', "IANA zone the times are written in (default: the server's)")
    .option('--template <draftId>', 'a post-mortem template draft (default: the adopted one)')
    .option('--replace', 'draft again over a post-mortem still in draft')
    .action(async (incident: string, flags: ApiFlags & { timeZone?: string; template?: string; replace?: boolean }) => {
      const body = definedOnly({ timeZone: flags.timeZone, templateDraftId: flags.template, replace: flags.replace });
      const drafted = await clientOf(flags).request<Postmortem>('POST', pathOf(incident), { body });
      if (flags.json === true) return writeJson(io.stdout, drafted);
      writeLines(
        io.stdout,
        formatPostmortem(drafted, io.now()),
        '',
        `Export: astreinte postmortem show ${drafted.incidentId} --markdown`,
      );
    });

  withApiOptions(postmortem.command('show'))
    .description("show an incident's post-mortem, or print it as Markdown or HTML")
    .argument('<incident>', 'incident id, e.g. INC-12')
    .option('--markdown', 'print the Markdown export')
    .option('--html', 'print the printable HTML export')
    .action(async (incident: string, flags: ApiFlags & { markdown?: boolean; html?: boolean }) => {
      if (flags.markdown === true || flags.html === true) {
        io.stdout.write(
          await fetchPostmortemExport(apiTarget(flags, io.env), incident, flags.html === true ? 'html' : 'md'),
        );
        return;
      }
      const shown = await clientOf(flags).request<Postmortem>('GET', pathOf(incident));
      if (flags.json === true) return writeJson(io.stdout, shown);
      writeLines(io.stdout, formatPostmortem(shown, io.now()));
    });

  withApiOptions(postmortem.command('actions'))
    .description('list corrective actions of every post-mortem, soonest due first')
    .option('--overdue', 'only those past their due date and not done')
    .option('--open', 'only those still to do')
    .option('--owner <userId>', "only this user's")
    .option('--incident <id>', "only this incident's")
    .action(async (flags: ApiFlags & { overdue?: boolean; open?: boolean; owner?: string; incident?: string }) => {
      const actions = await clientOf(flags).request<CorrectiveAction[]>('GET', '/api/v1/corrective-actions', {
        query: { overdue: flags.overdue, open: flags.open, owner: flags.owner, incidentId: flags.incident },
      });
      if (flags.json === true) return writeJson(io.stdout, actions);
      writeLines(io.stdout, formatActions(actions));
    });
}
