/**
 * How command lines are shaped, as data: which prefixes run another command (sudo, env, timeout …)
 * and which options take a value, so that `kubectl -n prod get pods` is seen as `kubectl get`.
 */

interface WrapperSyntax {
  readonly valueFlags: readonly string[];
  /** Positional arguments of the wrapper itself before the command (`timeout 30 cmd`). */
  readonly positionals?: number;
  /** `NAME=value` words before the command belong to the wrapper (`env A=1 cmd`, `sudo A=1 cmd`). */
  readonly assignments?: boolean;
}

const wrapperSyntax: Readonly<Record<string, WrapperSyntax>> = {
  sudo: {
    valueFlags: [
      '-u',
      '--user',
      '-g',
      '--group',
      '-h',
      '--host',
      '-p',
      '--prompt',
      '-C',
      '-D',
      '--chdir',
      '-r',
      '-t',
      '-U',
      '-T',
    ],
    assignments: true,
  },
  doas: { valueFlags: ['-u', '-C'] },
  env: { valueFlags: ['-u', '--unset', '-C', '--chdir'], assignments: true },
  timeout: { valueFlags: ['-s', '--signal', '-k', '--kill-after'], positionals: 1 },
  xargs: {
    valueFlags: [
      '-I',
      '-n',
      '--max-args',
      '-P',
      '--max-procs',
      '-L',
      '--max-lines',
      '-d',
      '--delimiter',
      '-E',
      '-s',
      '-a',
      '--arg-file',
    ],
  },
  nice: { valueFlags: ['-n', '--adjustment'] },
  ionice: { valueFlags: ['-c', '--class', '-n', '--classdata', '-p'] },
  nohup: { valueFlags: [] },
  time: { valueFlags: ['-f', '--format', '-o', '--output'] },
  exec: { valueFlags: ['-a'] },
  command: { valueFlags: [] },
  builtin: { valueFlags: [] },
  stdbuf: { valueFlags: ['-i', '-o', '-e', '--input', '--output', '--error'] },
  watch: { valueFlags: ['-n', '--interval'] },
  npx: { valueFlags: ['-p', '--package'] },
  flock: { valueFlags: ['-w', '--timeout', '-E'], positionals: 1 },
  chroot: { valueFlags: ['--userspec', '--groups'], positionals: 1 },
};

/** Options that take a separate value, per program (only those that can precede a subcommand matter). */
const valueFlags: Readonly<Record<string, readonly string[]>> = {
  kubectl: [
    '-n',
    '--namespace',
    '--context',
    '--cluster',
    '--user',
    '-l',
    '--selector',
    '-o',
    '--output',
    '-f',
    '--filename',
    '-c',
    '--container',
    '--kubeconfig',
    '-s',
    '--server',
  ],
  docker: [
    '-H',
    '--host',
    '--context',
    '-c',
    '--config',
    '-l',
    '--log-level',
    '-f',
    '--file',
    '-p',
    '--project-name',
    '--env-file',
    '--profile',
    '--project-directory',
    '--ansi',
    '--tail',
    '--since',
    '--format',
    '--filter',
  ],
  'redis-cli': [
    '-h',
    '-p',
    '-a',
    '-n',
    '-u',
    '-s',
    '-r',
    '-i',
    '--user',
    '--pass',
    '--pattern',
    '--cacert',
    '--cert',
    '--key',
    '--sni',
    '-d',
  ],
  celery: [
    '-A',
    '--app',
    '-b',
    '--broker',
    '--result-backend',
    '--config',
    '--workdir',
    '-Q',
    '--queues',
    '-l',
    '--loglevel',
    '-c',
    '--concurrency',
    '-n',
    '--hostname',
    '-d',
    '--destination',
    '-t',
    '--timeout',
  ],
  systemctl: [
    '-H',
    '--host',
    '-M',
    '--machine',
    '-p',
    '--property',
    '-t',
    '--type',
    '--state',
    '-n',
    '--lines',
    '-o',
    '--output',
    '-s',
    '--signal',
  ],
  journalctl: ['-u', '--unit', '-n', '--lines', '-p', '--priority', '-o', '--output', '--since', '--until'],
  git: ['-C', '-c', '--git-dir', '--work-tree'],
  helm: [
    '-n',
    '--namespace',
    '--kube-context',
    '--kubeconfig',
    '-f',
    '--values',
    '--set',
    '--version',
    '-o',
    '--output',
  ],
  psql: [
    '-h',
    '--host',
    '-p',
    '--port',
    '-U',
    '--username',
    '-d',
    '--dbname',
    '-c',
    '--command',
    '-f',
    '--file',
    '-v',
    '--set',
    '--variable',
    '-o',
    '--output',
    '-P',
    '--pset',
  ],
  mysql: ['-h', '--host', '-P', '--port', '-u', '--user', '-D', '--database', '-e', '--execute', '-S', '--socket'],
  aws: ['--region', '--profile', '--output', '--endpoint-url', '--query'],
  npm: ['--prefix', '-w', '--workspace'],
  pnpm: ['-C', '--dir', '--filter', '-F'],
  yarn: ['--cwd'],
  eas: ['--platform', '-p', '--branch', '--message', '-m', '--limit', '--profile', '--channel'],
  vercel: ['--token', '-t', '--scope', '-S'],
  certbot: ['-d', '--domain', '-w', '--webroot-path', '--cert-name', '-m', '--email'],
  nginx: ['-s', '-c', '-p', '-g'],
  ssh: [
    '-i',
    '-p',
    '-l',
    '-o',
    '-J',
    '-F',
    '-L',
    '-R',
    '-D',
    '-b',
    '-c',
    '-E',
    '-e',
    '-m',
    '-O',
    '-Q',
    '-S',
    '-W',
    '-w',
    '-B',
  ],
  migrate: ['-path', '-database', '-source', '-lock-timeout'],
  alembic: ['-c', '--config', '-n', '--name', '-x'],
  kill: ['-s', '-n'],
  service: [],
};

/** The value-taking options of a program (unknown programs: none). */
export function valueFlagsOf(program: string): readonly string[] {
  return valueFlags[program] ?? [];
}

/** Words before the command proper: wrappers removed (outermost first) and where the command starts. */
export interface Unwrapped {
  wrappers: string[];
  /** Index in argv of the wrapped program; argv.length when the wrappers run nothing. */
  index: number;
}

/** Unwraps `sudo -u postgres env A=1 timeout 30 cmd …` down to `cmd …`; also crontab time fields. */
export function unwrapCommand(argv: readonly string[]): Unwrapped {
  const wrappers: string[] = [];
  let index = 0;
  if (isCronPrefix(argv)) {
    wrappers.push('cron');
    index = 5;
  }
  for (;;) {
    const name = programName(argv[index] ?? '');
    const syntax = wrapperSyntax[name];
    if (syntax === undefined || index >= argv.length) return { wrappers, index };
    wrappers.push(name);
    index = skipOptions(argv, index + 1, syntax.valueFlags);
    while (syntax.assignments === true && /^[A-Za-z_]\w*=/.test(argv[index] ?? '')) index++;
    index = Math.min(argv.length, index + (syntax.positionals ?? 0));
  }
}

/** `0 2 * * * cmd`: five crontab time fields in front of a command. */
function isCronPrefix(argv: readonly string[]): boolean {
  const fields = argv.slice(0, 5);
  return (
    argv.length > 5 && fields.every((field) => /^[\d*/,-]+$/.test(field)) && fields.some((field) => field.includes('*'))
  );
}

/** Index of the first argument at or after `from` that is not an option (nor an option's value). */
export function skipOptions(argv: readonly string[], from: number, flags: readonly string[]): number {
  let index = from;
  while (index < argv.length) {
    const arg = argv[index] ?? '';
    if (arg === '--') return index + 1;
    if (!arg.startsWith('-') || arg === '-') return index;
    index += flags.includes(arg) ? 2 : 1;
  }
  return index;
}

/** Positional words of a command (options and their values dropped), with their argv indexes. */
export function positionalsOf(argv: readonly string[], program: string): { word: string; index: number }[] {
  const flags = valueFlagsOf(program);
  const found: { word: string; index: number }[] = [];
  for (let index = 1; index < argv.length;) {
    const arg = argv[index] ?? '';
    if (arg === '--') {
      argv.slice(index + 1).forEach((word, offset) => found.push({ word, index: index + 1 + offset }));
      break;
    }
    if (arg.startsWith('-') && arg !== '-') index += flags.includes(arg) ? 2 : 1;
    else found.push({ word: arg, index: index++ });
  }
  return found;
}

/** `/usr/bin/psql` → `psql`, `mkfs.ext4` → `mkfs`; scripts keep their file name (`rollback.sh`). */
export function programName(word: string): string {
  const base = word.slice(word.lastIndexOf('/') + 1);
  return base.startsWith('mkfs.') ? 'mkfs' : base;
}

/** Rewrites `docker-compose …` as `docker compose …` so one set of rules covers both. */
export function canonicalArgv(argv: readonly string[]): string[] {
  const name = programName(argv[0] ?? '');
  return name === 'docker-compose' ? ['docker', 'compose', ...argv.slice(1)] : [name, ...argv.slice(1)];
}
