import { innerCommandOf, type InnerCommand } from './inner-commands.js';
import { matchCommandRules, type Verdict } from './match-rules.js';
import { canonicalArgv, programName, unwrapCommand } from './program-syntax.js';
import { sqlVerbRules } from './risk-rules.js';
import type { StdinSource } from './shell-facts.js';
import { classifySql } from './sql-classify.js';
import type { RiskFinding, RiskLevel, SimpleCall } from './step-types.js';

/** A simple command to classify: its words, what it assigns, where its stdin comes from. */
export interface CallInput {
  argv: readonly string[];
  raw: readonly string[];
  assigns: readonly string[];
  stdin: StdinSource | null;
}

/** Turns shell code found inside a command (`sh -c '…'`) into simple commands. */
export type InnerShellReader = (text: string) => CallInput[];

/** The unwrapped command and every reason found for it (always at least one). */
export interface ClassifiedCall {
  call: SimpleCall;
  findings: RiskFinding[];
}

// `sh -c "sh -c '…'"` nests; past this depth the carrier is judged by its own rule.
const maxDepth = 4;
const maxShown = 200;

/** A finding while classifying: `via` lists the carriers it was found through, innermost first. */
interface Found {
  command: string;
  level: RiskLevel;
  reason: string;
  via: string[];
}

/**
 * Classifies one simple command: unwraps sudo/env/timeout/xargs/cron, looks inside carriers
 * (`docker exec`, `kubectl exec --`, `ssh`, `sh -c`, `psql -c`/heredoc, `find -exec`), and
 * otherwise applies the rule tables. Reasons name the carriers: `… (via psql -c in docker exec db)`.
 */
export function classifyCall(input: CallInput, readInner: InnerShellReader): ClassifiedCall {
  const { call, findings } = classifyDeep(input, readInner, 0);
  return {
    call,
    findings: findings.map(({ command, level, reason, via }) => ({
      command,
      level,
      reason: via.length === 0 ? reason : `${reason} (via ${via.join(' in ')})`,
    })),
  };
}

function classifyDeep(
  input: CallInput,
  readInner: InnerShellReader,
  depth: number,
): { call: SimpleCall; findings: Found[] } {
  if (input.argv.length === 0) {
    const command = input.assigns.map((name) => `${name}=…`).join(' ');
    return {
      call: { argv0: '', argv: [], wrappers: [] },
      findings: [{ command, level: 'read-only', reason: 'only sets shell variables', via: [] }],
    };
  }
  const { wrappers, index } = unwrapCommand(input.argv);
  const argv = input.argv.slice(index);
  const raw = input.raw.slice(index);
  if (argv.length === 0) {
    const wrapper = wrappers[wrappers.length - 1] ?? '';
    const call = { argv0: wrapper, argv: [...input.argv], wrappers: wrappers.slice(0, -1) };
    return { call, findings: [{ command: show(input.raw), ...bareWrapper(wrapper), via: [] }] };
  }
  const call: SimpleCall = { argv0: programName(argv[0] ?? ''), argv, wrappers };
  const shown = show(raw);
  const canonical = canonicalArgv(argv);
  const typedSql = /^[A-Z]+$/.test(argv[0] ?? '') && sqlVerbRules[argv[0] ?? ''] !== undefined;
  if (typedSql) {
    const findings = classifySql(raw.join(' ')).map((verdict) => ({
      command: shown,
      level: verdict.level,
      reason: `${verdict.reason} (SQL typed at a prompt)`,
      via: [],
    }));
    if (findings.length > 0) return { call, findings };
  }
  const inner = depth < maxDepth ? innerCommandOf(canonical, input.stdin) : null;
  const own: Found = { command: shown, ...matchCommandRules(canonical), via: [] };
  if (inner === null) return { call, findings: [own] };
  const shift = canonical.length - argv.length;
  const innerFindings = classifyInner(inner, { canonical, raw, shift, shown, stdin: input.stdin }, readInner, depth);
  if (innerFindings.length === 0) return { call, findings: [own] };
  const transparent = inner.kind !== 'argv' || inner.transparent;
  return { call, findings: transparent ? innerFindings : [own, ...innerFindings] };
}

interface Carrier {
  canonical: readonly string[];
  raw: readonly string[];
  /** canonical has one more word than raw when `docker-compose` was split. */
  shift: number;
  shown: string;
  stdin: StdinSource | null;
}

function classifyInner(inner: InnerCommand, carrier: Carrier, readInner: InnerShellReader, depth: number): Found[] {
  const via = (found: Found): Found => ({ ...found, via: [...found.via, inner.via] });
  if (inner.kind === 'argv') {
    const argv = carrier.canonical.slice(inner.from, inner.to);
    const raw = carrier.raw.slice(inner.from - carrier.shift, inner.to - carrier.shift);
    return classifyDeep({ argv, raw, assigns: [], stdin: carrier.stdin }, readInner, depth + 1).findings.map(via);
  }
  if (inner.kind === 'shell') {
    return readInner(inner.text).flatMap((call) => classifyDeep(call, readInner, depth + 1).findings.map(via));
  }
  if (inner.kind === 'sql') {
    // The statement is what the reason is about; the carrier's text is in the command line anyway.
    return inner.sql.flatMap((sql) =>
      classifySql(sql).map(({ start, end, level, reason }) => ({
        command: show([sql.slice(start, end)]),
        level,
        reason,
        via: [inner.via],
      })),
    );
  }
  return [{ command: carrier.shown, ...replayVerdict(carrier.canonical[0] ?? '', inner.source), via: [] }];
}

/** SQL fed from a file or a pipe cannot be read here; a dump or backup means a restore over live data. */
function replayVerdict(program: string, source: string): Verdict {
  const what = show([source]);
  if (/backup|dump|restore|snapshot/i.test(source)) {
    return { level: 'destructive', reason: `${program} replays a dump (${what}) into a live database` };
  }
  return { level: 'changing', reason: `${program} runs the SQL from ${what} (not analysed)` };
}

function bareWrapper(wrapper: string): Verdict {
  if (wrapper === 'env') return { level: 'read-only', reason: 'env without a command prints the environment' };
  if (wrapper === 'sudo' || wrapper === 'doas')
    return { level: 'changing', reason: `${wrapper} without a command opens a root shell` };
  return { level: 'changing', reason: `${wrapper} without a command (unknown effect)` };
}

/** The words as written, on one line and not too long to read. */
function show(raw: readonly string[]): string {
  const text = raw
    .join(' ')
    .replace(/\\\n\s*/g, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  return text.length > maxShown ? `${text.slice(0, maxShown - 1)}…` : text;
}
