import { Type, type Static } from 'typebox';
import { notFound } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import { loadRunbookVersion } from '../../runbooks/load-runbook-version.js';
import type { Step } from '../../runbooks/runbook-model.js';
import { analyzeCodeBlock } from '../../runbooks/steps/analyze-code-block.js';
import { programName } from '../../runbooks/steps/program-syntax.js';
import { loadShellParser, type ShellParser } from '../../runbooks/steps/shell-parser.js';
import { curlProbe } from './http-command-probe.js';
import { claimProbeName, composeProbeName } from './name-probes.js';
import { digProbe, netcatProbe, nslookupProbe, opensslProbe, telnetProbe } from './network-command-probes.js';
import type { CommandContext } from './probe-host.js';
import type { CommandProbe, ProbeSuggestion, ProbeSuggestions, SuggestionSource } from './probe-suggestion.js';
import { pgIsReadyProbe, psqlProbe, redisCliProbe } from './service-command-probes.js';
import { unwrapCarriers } from './unwrap-carriers.js';

export const SuggestProbesInput = Type.Object(
  { runbookId: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type SuggestProbesInput = Static<typeof SuggestProbesInput>;

/** Longer commands (a heredoc, a long pipeline) are cut in `source.code`: the step holds them whole. */
const maxCodeLength = 1000;

type CommandReader = (args: readonly string[], context: CommandContext) => CommandProbe | null;

/** The programs whose checks a probe can take over, by name (a Map: a command named `constructor` is no reader). */
const readers: ReadonlyMap<string, CommandReader> = new Map([
  ['curl', curlProbe],
  ['pg_isready', pgIsReadyProbe],
  ['psql', psqlProbe],
  ['redis-cli', redisCliProbe],
  ['openssl', opensslProbe],
  ['nc', netcatProbe],
  ['ncat', netcatProbe],
  ['netcat', netcatProbe],
  ['telnet', telnetProbe],
  ['dig', digProbe],
  ['nslookup', nslookupProbe],
]);

/** One check found in a step, before it is named. */
interface Found {
  probe: CommandProbe;
  source: SuggestionSource;
}

/**
 * Proposes probes (viewer) for the checks a runbook's current version does by hand: each shell
 * command of each step is read with the shell parser the import uses, through carriers such as
 * `docker exec` and `ssh`, and `curl`, `pg_isready`, `psql -c "SELECT …" -h`, `redis-cli ping`,
 * `openssl s_client`, `nc -z`, `telnet`, `dig` and `nslookup` become probes of the matching kind.
 * Nothing is saved. A check repeated in several steps is proposed once, where it first appears.
 * A suggestion using a step's placeholders keeps them as written and names them in `needs`.
 */
export async function suggestProbes({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: SuggestProbesInput;
}): Promise<ProbeSuggestions> {
  requireRole(ctx, 'viewer');
  const runbook = await loadRunbookVersion(ctx.db, input.runbookId);
  if (runbook.deleted_at !== null) throw notFound('runbook', input.runbookId);
  const shell = await loadShellParserOrNull();
  const found = new Map<string, Found>();
  for (const section of runbook.structure.sections) {
    for (const step of section.steps) {
      for (const item of await checksOfStep(step, shell)) {
        const key = JSON.stringify([item.probe.target, item.probe.conditions, item.probe.enabled ?? true]);
        const first = found.get(key);
        if (first === undefined)
          found.set(key, { probe: item.probe, source: { section: section.title, ...item.source } });
        else mergeInto(first.probe, item.probe);
      }
    }
  }
  const severity = runbook.structure.metadata.severity?.level ?? null;
  const taken = new Set<string>();
  const suggestions = [...found.values()].map(({ probe, source }): ProbeSuggestion => ({
    name: claimProbeName(composeProbeName(runbook.title, probe.label), taken),
    target: probe.target,
    conditions: probe.conditions,
    ...(severity === null ? {} : { severity }),
    labels: { runbook: runbook.id },
    ...(probe.timeoutMs === undefined ? {} : { timeoutMs: probe.timeoutMs }),
    ...(probe.enabled === undefined ? {} : { enabled: probe.enabled }),
    source,
    needs: probe.needs,
    notes: probe.notes,
  }));
  return { runbookId: runbook.id, version: runbook.version, suggestions };
}

/** The checks of one step, in order, with their line and command; `section` is filled by the caller. */
async function checksOfStep(
  step: Step,
  shell: ShellParser | null,
): Promise<{ probe: CommandProbe; source: Omit<SuggestionSource, 'section'> }[]> {
  if (step.kind !== 'command') return [];
  const analysis = await analyzeCodeBlock({ lang: step.language, code: step.body });
  if (analysis.kind !== 'shell') return [];
  const tokens = analysis.parameters.flatMap((parameter) =>
    parameter.occurrences.map((occurrence) => ({ name: parameter.name, raw: occurrence.raw })),
  );
  const hasParameter = (text: string): boolean => tokens.some((token) => text.includes(token.raw));
  const checks: { probe: CommandProbe; source: Omit<SuggestionSource, 'section'> }[] = [];
  for (const command of analysis.groups.flatMap((group) => group.commands)) {
    for (const call of command.calls) {
      for (const placed of unwrapCarriers(call.argv, shell)) {
        const probe =
          readers.get(programName(placed.argv[0] ?? ''))?.(placed.argv.slice(1), {
            place: placed.place,
            hasParameter,
          }) ?? null;
        if (probe === null) continue;
        const texts = textsOf(probe.target);
        const used = tokens
          .filter((token) => texts.some((text) => text.includes(token.raw)))
          .map((token) => token.name);
        probe.needs = [...new Set([...used, ...probe.needs])];
        const code = maskWithheld(command.text.trim(), probe.withheld ?? []);
        delete probe.withheld;
        checks.push({
          probe,
          source: {
            step: step.id,
            line: sourceLine(step, command.line),
            code: code.length > maxCodeLength ? `${code.slice(0, maxCodeLength - 1)}…` : code,
          },
        });
      }
    }
  }
  return checks;
}

/** The command as written, but for the credentials the suggestion did not copy. */
function maskWithheld(code: string, withheld: readonly string[]): string {
  return withheld.filter((value) => value !== '').reduce((text, value) => text.split(value).join('********'), code);
}

/** A check met again: what it needs or says there is added to where it was first met. */
function mergeInto(first: CommandProbe, again: CommandProbe): void {
  first.needs = [...new Set([...first.needs, ...again.needs])];
  first.notes = [...new Set([...first.notes, ...again.notes])];
}

/** Every string inside a target, to find the placeholders it holds. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(textsOf);
}

/** The source line of a line of a step's code: a fenced block's code starts on the line after its fence. */
function sourceLine(step: Step, line: number): number {
  const fenced = step.lines.end - step.lines.start + 1 > step.body.split('\n').length;
  return step.lines.start + (fenced ? 1 : 0) + line - 1;
}

/** Without the parser (its wasm failed to load), commands are still read line by line. */
async function loadShellParserOrNull(): Promise<ShellParser | null> {
  try {
    return await loadShellParser();
  } catch {
    return null;
  }
}
