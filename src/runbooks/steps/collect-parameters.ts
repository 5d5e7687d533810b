import { isSecretName, normalizeParameterName, type PlaceholderMatch } from './placeholders.js';
import type { EnvRef, ShellFacts } from './shell-facts.js';
import type { FoundParameter } from './step-types.js';
import type { TextPositions } from './text-positions.js';

// Set by the shell or the login environment: never something the runbook author wants filled in.
const shellInternal = new Set([
  'PWD',
  'OLDPWD',
  'HOME',
  'PATH',
  'USER',
  'LOGNAME',
  'SHELL',
  'HOSTNAME',
  'HOSTTYPE',
  'OSTYPE',
  'MACHTYPE',
  'RANDOM',
  'SRANDOM',
  'LINENO',
  'UID',
  'EUID',
  'PPID',
  'GROUPS',
  'SECONDS',
  'EPOCHSECONDS',
  'EPOCHREALTIME',
  'IFS',
  'TERM',
  'LANG',
  'LC_ALL',
  'TMPDIR',
  'EDITOR',
  'PS1',
  'PS2',
  'PS4',
  'REPLY',
  'OPTARG',
  'OPTIND',
  'PIPESTATUS',
  'BASH',
  'BASH_SOURCE',
  'BASH_VERSION',
  'BASHPID',
  'FUNCNAME',
  'HISTFILE',
  'MAIL',
  'COLUMNS',
  'LINES',
  'SHLVL',
]);

/**
 * Keeps the `$NAME` expansions that are inputs: not special parameters (`$?`, `$1`, `$@`, `$$`), not
 * set by the shell (`$PWD`, `$HOME`), not assigned earlier in the block (`for i in …`, `X=1; $X`).
 */
export function envPlaceholders(facts: Pick<ShellFacts, 'envRefs' | 'assignments'>, code: string): PlaceholderMatch[] {
  const seen = new Set<number>();
  return facts.envRefs
    .filter((ref) => {
      if (seen.has(ref.start) || !/^[A-Za-z_]\w*$/.test(ref.name) || shellInternal.has(ref.name)) return false;
      seen.add(ref.start);
      return !facts.assignments.some((assignment) => assignment.name === ref.name && assignment.offset < ref.start);
    })
    .map((ref) => ({
      start: ref.start,
      end: ref.end,
      raw: code.slice(ref.start, ref.end),
      name: ref.name,
      form: 'env' as const,
    }));
}

/** `${NAME}` interpolations of config snippets (docker-compose, Helm values …). */
export function bracedEnvRefs(code: string): EnvRef[] {
  return [...code.matchAll(/\$\{([A-Za-z_]\w*)(?::?[-=?+][^}]*)?\}/g)].map((match) => ({
    name: match[1] ?? '',
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/**
 * Merges placeholder occurrences into parameters: one per normalised name (case-insensitive), first
 * occurrence first, each listing all its spans so a later step can rewrite them safely.
 */
export function collectParameters(matches: readonly PlaceholderMatch[], positions: TextPositions): FoundParameter[] {
  const byName = new Map<string, FoundParameter>();
  for (const match of [...matches].sort((a, b) => a.start - b.start)) {
    const name = normalizeParameterName(match.name);
    const key = name.toLowerCase();
    const occurrence = {
      start: match.start,
      end: match.end,
      raw: match.raw,
      form: match.form,
      line: positions.lineAt(match.start),
    };
    const existing = byName.get(key);
    // Names equal but for case are secret or not alike, so the first occurrence decides.
    if (existing === undefined)
      byName.set(key, {
        name,
        form: match.form,
        secret: isSecretName(name),
        token: match.raw,
        occurrences: [occurrence],
      });
    else existing.occurrences.push(occurrence);
  }
  return [...byName.values()];
}
