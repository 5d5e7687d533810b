import { hasFlag, optionValues } from './match-rules.js';
import { positionalsOf, skipOptions, valueFlagsOf } from './program-syntax.js';
import type { StdinSource } from './shell-facts.js';

/** What a command really runs when it is a carrier for another one. */
export type InnerCommand =
  /** Another command's words, from `from` in the carrier's argv (`docker exec ctr redis-cli ping`). */
  | { kind: 'argv'; via: string; from: number; to: number; transparent: boolean }
  /** Shell code in a string (`sh -c '…'`, `ssh host 'cmd'`, `eval`). */
  | { kind: 'shell'; via: string; text: string }
  /** SQL text (`psql -c`, a heredoc fed to psql). */
  | { kind: 'sql'; via: string; sql: string[] }
  /** SQL replayed from a file or a pipe, not readable here (`psql < backup.sql`). */
  | { kind: 'replay'; via: string; source: string };

const execFlags = ['-e', '--env', '--env-file', '-u', '--user', '-w', '--workdir', '--detach-keys', '--index'];
const shells = new Set(['sh', 'bash', 'zsh', 'dash', 'ash', 'ksh']);

/**
 * Finds the command inside a carrier: `docker exec`, `docker compose exec`, `kubectl exec -- …`,
 * `ssh host …`, `sh -c`, `su -c`, `eval`, `find -exec`, and SQL given to `psql`/`mysql`.
 * `argv` is canonical (`docker-compose` already split); null when there is nothing inside.
 */
export function innerCommandOf(argv: readonly string[], stdin: StdinSource | null): InnerCommand | null {
  const program = argv[0] ?? '';
  const positionals = positionalsOf(argv, program);
  const sub = positionals.map(({ word }) => word);
  if (program === 'docker' && (sub[0] === 'exec' || (sub[0] === 'compose' && sub[1] === 'exec'))) {
    const execAt = (sub[0] === 'exec' ? positionals[0] : positionals[1])?.index ?? 0;
    const target = skipOptions(argv, execAt + 1, execFlags);
    return innerArgv(
      `${sub[0] === 'exec' ? 'docker exec' : 'docker compose exec'} ${argv[target] ?? ''}`,
      target + 1,
      argv.length,
    );
  }
  if (program === 'kubectl' && sub[0] === 'exec') {
    const dashes = argv.indexOf('--');
    return dashes === -1 ? null : innerArgv(`kubectl exec ${sub[1] ?? ''}`.trim(), dashes + 1, argv.length);
  }
  if (program === 'ssh') {
    const host = skipOptions(argv, 1, valueFlagsOf('ssh'));
    const rest = argv.slice(host + 1);
    return rest.length === 0 ? null : { kind: 'shell', via: `ssh ${argv[host] ?? ''}`, text: rest.join(' ') };
  }
  if (shells.has(program) || program === 'su') return shellString(argv, program);
  if (program === 'eval') return { kind: 'shell', via: 'eval', text: argv.slice(1).join(' ') };
  if (program === 'find') {
    const exec = argv.findIndex((arg) => arg === '-exec' || arg === '-execdir' || arg === '-ok' || arg === '-okdir');
    if (exec === -1) return null;
    const end = argv.findIndex((arg, index) => index > exec && (arg === ';' || arg === '+'));
    return { kind: 'argv', via: 'find -exec', from: exec + 1, to: end === -1 ? argv.length : end, transparent: false };
  }
  if (program === 'psql') return sqlOf(argv, stdin, ['-c', '--command'], ['-f', '--file'], 'psql');
  if (program === 'mysql') return sqlOf(argv, stdin, ['-e', '--execute'], [], 'mysql');
  return null;
}

function innerArgv(via: string, from: number, to: number): InnerCommand | null {
  return from >= to ? null : { kind: 'argv', via, from, to, transparent: true };
}

/** `bash -c 'cmd'`, `bash -lc 'cmd'`, `su - postgres -c 'cmd'`; `bash script.sh` runs the script. */
function shellString(argv: readonly string[], program: string): InnerCommand | null {
  const option = argv.findIndex(
    (arg, index) => index > 0 && (arg === '-c' || (/^-[A-Za-z]+$/.test(arg) && arg.includes('c') && program !== 'su')),
  );
  if (option !== -1) return { kind: 'shell', via: `${program} -c`, text: argv[option + 1] ?? '' };
  if (program === 'su') return null;
  const script = skipOptions(argv, 1, ['-o', '-O', '--rcfile', '--init-file']);
  return script < argv.length ? { kind: 'argv', via: program, from: script, to: argv.length, transparent: true } : null;
}

function sqlOf(
  argv: readonly string[],
  stdin: StdinSource | null,
  commandFlags: string[],
  fileFlags: string[],
  via: string,
): InnerCommand | null {
  const args = argv.slice(1);
  const sql = optionValues(args, commandFlags);
  if (sql.length > 0) return { kind: 'sql', via: `${via} ${commandFlags[0] ?? ''}`, sql };
  const files = fileFlags.length > 0 ? optionValues(args, fileFlags) : [];
  if (files.length > 0) return { kind: 'replay', via: `${via} -f`, source: files.join(' ') };
  if (hasFlag(args, '--list') || hasFlag(args, '-l')) return null;
  if (stdin === null) return null;
  if (stdin.kind === 'heredoc' || stdin.kind === 'herestring')
    return { kind: 'sql', via: `${via} <<EOF`, sql: [stdin.text] };
  return { kind: 'replay', via: stdin.kind === 'file' ? `${via} < file` : `${via} reading a pipe`, source: stdin.text };
}
