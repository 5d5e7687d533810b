import { innerCommandOf } from '../../runbooks/steps/inner-commands.js';
import { innerShellReader } from '../../runbooks/steps/analyze-shell.js';
import { canonicalArgv, unwrapCommand } from '../../runbooks/steps/program-syntax.js';
import type { ShellParser } from '../../runbooks/steps/shell-parser.js';
import type { CommandPlace } from './probe-host.js';

/** A command as it finally runs, and where (null: in the runbook's own shell). */
export interface PlacedCommand {
  argv: string[];
  place: CommandPlace | null;
}

// `ssh a "docker exec b sh -c '…'"` nests; deeper than this is not a check worth proposing.
const maxDepth = 4;

/**
 * The command a simple command really runs, and where: `docker exec akig-cache redis-cli ping`
 * is `redis-cli ping` in the container akig-cache, `ssh web1 'curl …'` is `curl …` on web1.
 * Uses the carriers the step analysis knows (`docker exec`, `docker compose exec`,
 * `kubectl exec --`, `ssh`, `sh -c`, `eval`); shell code in strings goes through the same
 * shell parser as the steps (line by line when it is refused, or when `shell` is null).
 */
export function unwrapCarriers(argv: readonly string[], shell: ShellParser | null): PlacedCommand[] {
  return unwrap(argv, null, shell, 0);
}

function unwrap(
  words: readonly string[],
  place: CommandPlace | null,
  shell: ShellParser | null,
  depth: number,
): PlacedCommand[] {
  const argv = words.slice(unwrapCommand(words).index);
  if (argv.length === 0) return [];
  const canonical = canonicalArgv(argv);
  const inner = depth < maxDepth ? innerCommandOf(canonical, null) : null;
  if (inner === null || inner.kind === 'sql' || inner.kind === 'replay') return [{ argv: canonical, place }];
  const target = inner.via.split(' ').pop() ?? '';
  if (inner.kind === 'shell') {
    const where = inner.via.startsWith('ssh ')
      ? { name: target.replace(/^.*@/, ''), shown: `the host ${target.replace(/^.*@/, '')} (over ssh)` }
      : place;
    return readCalls(inner.text, shell).flatMap((call) => unwrap(call, where, shell, depth + 1));
  }
  // `find -exec` and `bash script.sh` run something, but nothing this reads as a check.
  const where = placeOf(inner.via, target);
  if (where === undefined) return [{ argv: canonical, place }];
  return unwrap(canonical.slice(inner.from, inner.to), where, shell, depth + 1);
}

/** The place of an `argv` carrier: a container, a Compose service or a pod; undefined for others. */
function placeOf(via: string, target: string): CommandPlace | undefined {
  if (via.startsWith('docker compose exec ')) return { name: target, shown: `the Compose service ${target}` };
  if (via.startsWith('docker exec ')) return { name: target, shown: `the container ${target}` };
  if (via.startsWith('kubectl exec ')) {
    // `deployment/postgres` → `postgres`: the usual name of its Service.
    const name = target.slice(target.indexOf('/') + 1);
    return { name, shown: `the pod of ${target}` };
  }
  return undefined;
}

/** The simple commands of shell code found in a string, placeholders kept as written (read as the importer reads it). */
function readCalls(text: string, shell: ShellParser | null): string[][] {
  return innerShellReader(shell)(text).map((call) => [...call.argv]);
}
