/**
 * Recognises words that another shell will parse as code: the script of `bash -c`, `su -c`,
 * `kubectl exec … -- sh -c`; every argument of `eval`, `ssh host …` and `watch …` (they join their
 * arguments and hand them to a shell); the body of a heredoc fed to a shell. A value placed there
 * as a plain variable reference would still be parsed by that other shell, so the rewriter has to
 * quote it for that shell too, or refuse.
 */

/** Which other shell parses the text, and that text (unquoted) up to the placeholder. */
export interface NestedCode {
  /** `bash -c`, `ssh`, `eval`, `heredoc to bash` … for error messages. */
  interpreter: string;
  /** What the inner shell will read before the placeholder; expansions stand as `_`. */
  innerPrefix: string;
}

const shells = new Set(['sh', 'bash', 'zsh', 'ksh', 'mksh', 'dash', 'ash', 'su', 'runuser']);
// Commands that join their arguments with spaces and have a shell parse the result.
const joiners = new Set(['eval', 'ssh', 'watch']);
const keywords = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time']);
// Prefix commands that run the next word as the program, with the options that take a separate value.
const wrappers = new Map<string, Set<string>>([
  ['sudo', new Set(['-u', '-g', '-U', '-C', '-h', '-p', '-r', '-t', '-D', '-R', '-T'])],
  ['doas', new Set(['-u', '-C'])],
  ['env', new Set(['-u', '-C', '-S'])],
  ['nice', new Set(['-n'])],
  ['ionice', new Set(['-c', '-n', '-p'])],
  ['timeout', new Set(['-s', '-k'])],
  ['xargs', new Set(['-I', '-n', '-P', '-d', '-L', '-E', '-a', '-s'])],
  ['stdbuf', new Set(['-i', '-o', '-e'])],
  ['nohup', new Set()],
  ['command', new Set()],
  ['builtin', new Set()],
  ['exec', new Set()],
]);

function baseName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

function isShell(word: string): boolean {
  return shells.has(baseName(word));
}

/** Index of the program a simple command runs, past keywords, assignments and wrappers; -1 if none. */
export function programIndex(words: readonly string[]): number {
  let optionsWithValue: Set<string> | null = null;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (keywords.has(word) || /^[A-Za-z_]\w*=/.test(word)) continue;
    if (optionsWithValue !== null && word.startsWith('-')) {
      if (optionsWithValue.has(word)) i++;
      continue;
    }
    // `timeout 30 cmd`, `nice 10 cmd`: a bare number after a wrapper is its value, not the program.
    if (optionsWithValue !== null && /^\d+(?:\.\d+)?[smhd]?$/.test(word)) continue;
    const wrapper = wrappers.get(baseName(word));
    if (wrapper === undefined) return i;
    optionsWithValue = wrapper;
  }
  return -1;
}

/** The program of a simple command, base name only (`/usr/bin/ssh` → `ssh`), or null. */
export function programName(words: readonly string[]): string | null {
  const at = programIndex(words);
  return at === -1 ? null : baseName(words[at] ?? '');
}

/**
 * Whether the word being read (after `words`, with `current` read so far) is code for another
 * shell. `words` are the command's finished words with quotes removed.
 */
export function nestedCommandWord(words: readonly string[], current: string): NestedCode | null {
  const shellAt = words.findIndex(isShell);
  if (shellAt !== -1) {
    // Only the word right after `-c` is code; later words are `$0`, `$1` … of the inner shell: safe.
    const flagAt = words.findIndex(
      (word, i) => i > shellAt && (/^-[A-Za-z]*c[A-Za-z]*$/.test(word) || word === '--command'),
    );
    if (flagAt !== -1 && flagAt === words.length - 1) {
      return { interpreter: `${baseName(words[shellAt] ?? '')} ${words[flagAt] ?? ''}`, innerPrefix: current };
    }
  }
  const at = programIndex(words);
  const program = at === -1 ? null : baseName(words[at] ?? '');
  if (program !== null && joiners.has(program)) {
    return { interpreter: program, innerPrefix: [...words.slice(at + 1), current].join(' ') };
  }
  return null;
}

/** Whether a heredoc given to the command with these words is read as code by a shell. */
export function heredocInterpreter(owner: readonly string[]): string | null {
  const shellAt = owner.findIndex(isShell);
  if (shellAt !== -1 && !owner.slice(shellAt + 1).some((word) => /^-[A-Za-z]*c[A-Za-z]*$/.test(word))) {
    return baseName(owner[shellAt] ?? '');
  }
  // `ssh host <<EOF` runs the body on the remote shell; with a remote command the body is that
  // command's input, which we cannot tell apart cheaply, so ssh always counts (the safe side).
  return programName(owner) === 'ssh' ? 'ssh' : null;
}

// ssh options that take a value: the word after them is not the host.
const sshValueOptions = new Set([
  '-b',
  '-c',
  '-D',
  '-E',
  '-e',
  '-F',
  '-I',
  '-i',
  '-J',
  '-L',
  '-l',
  '-m',
  '-O',
  '-o',
  '-p',
  '-Q',
  '-R',
  '-S',
  '-W',
  '-w',
]);

/** Whether `program args…` at the end of a pipe reads its stdin as code. */
function readsStdinAsCode(program: string, args: readonly string[]): boolean {
  if (program === 'ssh') {
    let operands = 0;
    for (let i = 0; i < args.length; i++) {
      if (args[i]?.startsWith('-') === true) i += sshValueOptions.has(args[i] ?? '') ? 1 : 0;
      else operands++;
    }
    // `ssh host` runs stdin on the remote shell; `ssh host cmd` gives it to cmd as data.
    return operands <= 1;
  }
  if (!shells.has(program) || program === 'su' || program === 'runuser') return false;
  if (args.includes('-s')) return true;
  // `sh -c '…'` takes its script from the argument, `bash script.sh` from the file.
  return !args.some((word) => /^-[A-Za-z]*c[A-Za-z]*$/.test(word) || !word.startsWith('-'));
}

/**
 * Whether the rest of the line after a placeholder pipes its output into a shell that runs it
 * (`| bash`, `| sudo -u app sh -s`, `| ssh host`). Approximate: words are split on blanks and the
 * whole rest of the line is read, continuations included, erring on the side of refusing.
 */
export function pipedIntoShell(rest: string): string | null {
  const line = /^(?:\\\n|\|[ \t]*\n|[^\n])*/.exec(rest)?.[0] ?? '';
  for (const match of line.matchAll(/(?<!\|)\|&?(?!\|)([^|;&)]*)/g)) {
    const words = (match[1] ?? '')
      .replace(/\\\n/g, ' ')
      .replace(/['"]/g, '')
      .split(/\s+/)
      .filter((word) => word !== '');
    const at = programIndex(words);
    const program = at === -1 ? null : baseName(words[at] ?? '');
    if (program !== null && readsStdinAsCode(program, words.slice(at + 1))) return `${program} (through a pipe)`;
  }
  return null;
}
