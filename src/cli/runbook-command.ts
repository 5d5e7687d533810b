import { positiveInteger, withApiOptions } from './cli-options.js';
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { AppError } from '../core/app-error.js';
import type { LintFinding } from '../runbooks/lint/lint-model.js';
import { hasErrors, lintExtraction } from '../runbooks/lint/lint-runbook.js';
import { prepareRunbookImport } from '../runbooks/prepare-runbook-import.js';
import { renderRunbookMarkdown } from '../runbooks/render-runbook-markdown.js';
import {
  runbookKinds,
  type ImportReport,
  type RunbookDetail,
  type RunbookLint,
  type RunbookSummary,
  type RunbookVersion,
} from '../runbooks/runbook-api-model.js';
import { ApiClient, apiTarget } from './api-client.js';
import { CliError, exitCodes, writeJson, writeLines, type CliIo } from './cli-io.js';
import { collectRunbookFiles } from './runbook-files.js';
import {
  formatFinding,
  formatImportReport,
  formatLintCounts,
  formatRunbook,
  formatRunbookList,
  formatVersions,
} from './runbook-format.js';

interface ApiFlags {
  url?: string;
  token?: string;
  json?: boolean;
}

/**
 * `astreinte runbook …`: import files, list, show, export and delete runbooks over the HTTP API;
 * `lint` of local files runs offline (decode, extract, lint in-process) so CI can use it.
 */
export function registerRunbookCommands(program: Command, io: CliIo): void {
  // `runbook show --version N`: without positional options the program's own `-V, --version`
  // would take the flag wherever it appears. Program options now go before the subcommand.
  program.enablePositionalOptions();
  const runbook = program.command('runbook').description('import, list, show, export, lint and delete runbooks');
  const clientOf = (flags: ApiFlags): ApiClient => new ApiClient(apiTarget(flags, io.env));
  const path = (id: string, rest = ''): string => `/api/v1/runbooks/${encodeURIComponent(id)}${rest}`;

  withApiOptions(runbook.command('import'))
    .description('import Markdown/text files of runbooks (folders: *.md, *.markdown, *.txt, recursively)')
    .argument('<paths...>', 'files or folders')
    .action(async (paths: string[], flags: ApiFlags) => {
      const files = await collectRunbookFiles(paths);
      if (files.length === 0) throw new CliError('no runbook files found (*.md, *.markdown, *.txt)', exitCodes.usage);
      const client = clientOf(flags);
      const results: ({ file: string; report: ImportReport } | { file: string; error: string })[] = [];
      for (const file of files) {
        try {
          const body = { filename: basename(file), contentBase64: (await readFile(file)).toString('base64') };
          results.push({
            file,
            report: await client.request<ImportReport>('POST', '/api/v1/runbook-sources', { body }),
          });
        } catch (error) {
          // A file the server refused (HTTP 4xx) does not stop the others; an unreachable server stops everything.
          if (!(error instanceof CliError) || !/\(HTTP 4\d\d /.test(error.message)) throw error;
          results.push({ file, error: [error.message, ...error.details].join('\n') });
        }
      }
      const failed = results.filter((result) => 'error' in result);
      if (flags.json === true) writeJson(io.stdout, results);
      else
        for (const result of results)
          writeLines(
            io.stdout,
            ...('error' in result
              ? [`${result.file}: failed: ${result.error}`]
              : formatImportReport(result.file, result.report)),
          );
      if (failed.length > 0) throw new CliError(`${failed.length} of ${results.length} file(s) could not be imported`);
    });

  withApiOptions(runbook.command('list'))
    .description('list runbooks by title')
    .option('--search <text>', 'only runbooks whose title contains this')
    .addOption(new Option('--kind <kind>', 'incident or procedure').choices(runbookKinds))
    .option('--deleted', 'include deleted runbooks')
    .option('--limit <n>', 'at most this many (1 to 500, default 100)')
    .action(async (flags: ApiFlags & { search?: string; kind?: string; deleted?: boolean; limit?: string }) => {
      const page = await clientOf(flags).request<{ items: RunbookSummary[]; total: number }>(
        'GET',
        '/api/v1/runbooks',
        {
          query: { q: flags.search, kind: flags.kind, includeDeleted: flags.deleted, limit: flags.limit },
        },
      );
      if (flags.json === true) return writeJson(io.stdout, page);
      writeLines(io.stdout, formatRunbookList(page.items, page.total));
    });

  withApiOptions(runbook.command('show'))
    .description('show a runbook: fields, sections and steps (or its Markdown)')
    .argument('<id>', 'runbook id (see `astreinte runbook list`)')
    .option('--markdown', 'print the canonical Markdown')
    .option('--version <n>', 'a past version', positiveInteger)
    .action(async (id: string, flags: ApiFlags & { markdown?: boolean; version?: number }) => {
      const client = clientOf(flags);
      const shown = await client.request<RunbookDetail>('GET', path(id), { query: { version: flags.version } });
      if (flags.markdown === true) return void io.stdout.write(renderRunbookMarkdown(shown.structure));
      const versions = await client.request<RunbookVersion[]>('GET', path(id, '/versions'));
      if (flags.json === true) return writeJson(io.stdout, { runbook: shown, versions });
      writeLines(io.stdout, formatRunbook(shown), '', formatVersions(versions));
    });

  withApiOptions(runbook.command('export'))
    .description('write a runbook as canonical Markdown')
    .argument('<id>', 'runbook id')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .option('--version <n>', 'a past version', positiveInteger)
    .action(async (id: string, flags: ApiFlags & { output?: string; version?: number }) => {
      const shown = await clientOf(flags).request<RunbookDetail>('GET', path(id), {
        query: { version: flags.version },
      });
      // Rendered here with the server's renderer: the same text GET …/markdown answers.
      const markdown = renderRunbookMarkdown(shown.structure);
      if (flags.output === undefined) return void io.stdout.write(markdown);
      await writeFile(flags.output, markdown, 'utf8');
      writeLines(io.stderr, `Wrote ${shown.id} v${shown.version} to ${flags.output}`);
    });

  withApiOptions(runbook.command('lint'))
    .description('lint runbook files offline (exit 1 on any error-level finding), or a stored runbook with --id')
    .argument('[paths...]', 'files or folders (no server needed)')
    .option('--id <id>', 'lint a stored runbook over the API instead')
    .action(async (paths: string[], flags: ApiFlags & { id?: string }) => {
      if ((flags.id === undefined) === (paths.length === 0))
        throw new CliError('give either files/folders or --id ID', exitCodes.usage);
      const results = flags.id === undefined ? await lintFiles(paths) : [await lintStored(clientOf(flags), flags.id)];
      const findings = results.flatMap((result) => result.findings);
      if (flags.json === true) writeJson(io.stdout, results);
      else {
        for (const result of results) {
          if (result.error !== undefined) writeLines(io.stderr, `${result.file}: cannot lint: ${result.error}`);
          for (const finding of result.findings) writeLines(io.stdout, formatFinding(result.file, finding));
        }
        writeLines(io.stdout, `${formatLintCounts(findings)} in ${results.length} file(s)`);
      }
      if (hasErrors(findings) || results.some((result) => result.error !== undefined)) {
        throw new CliError(hasErrors(findings) ? 'lint found errors' : 'some files could not be linted');
      }
    });

  withApiOptions(runbook.command('delete'))
    .description('delete a runbook (hidden from lists, versions kept; admin)')
    .argument('<id>', 'runbook id')
    .action(async (id: string, flags: ApiFlags) => {
      const deleted = await clientOf(flags).request<RunbookSummary>('DELETE', path(id));
      if (flags.json === true) return writeJson(io.stdout, deleted);
      writeLines(io.stdout, `Deleted ${deleted.id}: ${deleted.title} (an import with new content restores it)`);
    });
}

interface LintResult {
  file: string;
  findings: LintFinding[];
  error?: string;
}

/** Decode, extract and lint each file in-process: no server, no catalogue (unknown-service is off). */
async function lintFiles(paths: string[]): Promise<LintResult[]> {
  const results: LintResult[] = [];
  for (const file of await collectRunbookFiles(paths)) {
    try {
      const prepared = await prepareRunbookImport({ filename: basename(file), content: await readFile(file) });
      const context = { services: null };
      results.push({ file, findings: lintExtraction(prepared.extraction, context, prepared.runbookIds) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ file, findings: [], error: error.message });
    }
  }
  if (results.length === 0) throw new CliError('no runbook files found (*.md, *.markdown, *.txt)', exitCodes.usage);
  return results;
}

async function lintStored(client: ApiClient, id: string): Promise<LintResult> {
  const lint = await client.request<RunbookLint>('GET', `/api/v1/runbooks/${encodeURIComponent(id)}/lint`);
  return { file: lint.runbookId, findings: lint.findings };
}
