import { spawn, type ChildProcess } from 'node:child_process';
import { homedir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { OutputCollector, type OutputChunk, type OutputCounts } from './output-collector.js';
import { buildProcessEnvironment } from './process-environment.js';
import { terminateProcessGroup } from './process-group.js';

export const shellProcessOutcomes = ['exited', 'timed-out', 'cancelled', 'failed-to-start'] as const;
export type ShellProcessOutcome = (typeof shellProcessOutcomes)[number];

export interface RunShellProcessInput {
  /** The (rewritten) step: it refers to parameters as `$ASTREINTE_P_…` and never holds their values. */
  script: string;
  /** Configured variables and parameter variables, added to the minimal base environment. */
  env?: Readonly<Record<string, string>>;
  /** Working directory; the user's home when not given, as in a fresh terminal. */
  cwd?: string;
  timeoutMs: number;
  /** Output delivered across stdout and stderr together before the rest is only counted. */
  maxOutputBytes: number;
  signal?: AbortSignal;
  onOutput: (chunk: OutputChunk) => void;
  /** The clock that stamps output (the system clock by default). */
  now?: () => Date;
  /** Called once bash runs, with its pid (= its process group id). */
  onStart?: (info: { pid: number }) => void;
  /** Time between SIGTERM and SIGKILL of the process group; 5 s by default. */
  killGraceMs?: number;
  /**
   * How bash is started: given bash's own arguments, the program and arguments to spawn instead
   * (a sandbox such as bubblewrap wrapping it). Without one, bash runs unconfined under a watchdog
   * that kills the step when this process dies.
   */
  launch?: ShellLauncher;
}

/** Wraps bash's argument list into the command actually spawned (see `RunShellProcessInput.launch`). */
export type ShellLauncher = (bash: { file: string; args: string[] }, cwd: string) => { file: string; args: string[] };

export interface ShellProcessResult extends OutputCounts {
  exitCode: number | null;
  /** The signal that ended bash, if one did (`SIGTERM` after a timeout or cancel). */
  signal: string | null;
  durationMs: number;
  outcome: ShellProcessOutcome;
  /** Why bash could not start, for `failed-to-start`. */
  error: string | null;
}

// `--noprofile --norc`: no startup files. Node's stdio pipes are sockets, which bash takes for an
// ssh session and then reads ~/.bashrc even with `-c`. No `-e` and no `pipefail`: runbooks were
// written and tried by pasting into an interactive shell, which has neither; the step's status is
// that of its last command, as there.
const bashArguments = ['--noprofile', '--norc', '-c'];
const defaultGraceMs = 5000;

/**
 * The step runs in its own process group so that it can be killed whole; the price is that it
 * outlives this server when the server dies without cleaning up (`kill -9`, OOM killer), and
 * Linux offers Node no parent-death signal. So a watchdog is started in the step's group first:
 * it checks every second that this server's process is alive and kills the whole group once it is
 * gone. Then the outer bash execs the step's bash, keeping its pid (the group id, `$$`). The
 * watchdog's stdio is /dev/null, so it never holds the output pipes open; it dies with the group
 * when the step ends or is terminated.
 */
function watchdogWrapper(serverPid: number): string {
  const watchdog = `while kill -0 ${serverPid} 2>/dev/null; do sleep 1; done; kill -KILL -- -$$`;
  return `(${watchdog}) </dev/null >/dev/null 2>&1 & exec /bin/bash ${bashArguments.join(' ')} "$1" astreinte-step`;
}

/**
 * Runs one shell step with a real bash in its own process group and reports how it ended. Output
 * is streamed to `onOutput` as it arrives (see OutputCollector). A timeout or an abort of `signal`
 * terminates the whole group (SIGTERM, SIGKILL after the grace period), grandchildren included;
 * when bash ends on its own, background processes it left behind are terminated the same way, so
 * a step never leaves processes running on the server. Resolves once the output pipes are closed;
 * rejects only when `onOutput` throws (the step is then terminated).
 */
export function runShellProcess(input: RunShellProcessInput): Promise<ShellProcessResult> {
  const started = performance.now();
  const graceMs = input.killGraceMs ?? defaultGraceMs;
  let child: ChildProcess | null = null;
  const output = new OutputCollector(
    input.maxOutputBytes,
    input.onOutput,
    () => {
      if (child?.pid !== undefined) terminateProcessGroup(child.pid, graceMs);
    },
    input.now,
  );
  const result = (
    outcome: ShellProcessOutcome,
    exitCode: number | null,
    signal: string | null,
    error: string | null,
  ): ShellProcessResult => ({
    exitCode,
    signal,
    durationMs: Math.round(performance.now() - started),
    outcome,
    error,
    ...output.counts(),
  });
  if (input.signal?.aborted === true) return Promise.resolve(result('cancelled', null, null, null));
  const cwd = input.cwd ?? homedir();
  const command =
    input.launch === undefined
      ? { file: '/bin/bash', args: [...bashArguments, watchdogWrapper(process.pid), 'astreinte-step', input.script] }
      : input.launch({ file: '/bin/bash', args: [...bashArguments, input.script, 'astreinte-step'] }, cwd);
  try {
    child = spawn(command.file, command.args, {
      cwd,
      env: buildProcessEnvironment(input.env ?? {}),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    return Promise.resolve(
      result('failed-to-start', null, null, `cannot start bash in ${cwd}: ${(error as Error).message}`),
    );
  }
  return supervise(child, input, graceMs, output, (outcome, exitCode, signal, error) => {
    const failure = output.deliveryFailure();
    if (failure !== null) throw failure.error;
    return result(outcome, exitCode, signal, error);
  });
}

type Finish = (
  outcome: ShellProcessOutcome,
  exitCode: number | null,
  signal: string | null,
  error: string | null,
) => ShellProcessResult;

/** Wires the child's events, timeout and abort to one settlement. */
function supervise(
  child: ChildProcess,
  input: RunShellProcessInput,
  graceMs: number,
  output: OutputCollector,
  finish: Finish,
): Promise<ShellProcessResult> {
  return new Promise((resolve, reject) => {
    let outcome: ShellProcessOutcome = 'exited';
    let exit: { code: number | null; signal: string | null } | null = null;
    let settled = false;
    let drain: NodeJS.Timeout | undefined;
    const stop = (why: 'timed-out' | 'cancelled'): void => {
      if (exit !== null || outcome !== 'exited' || child.pid === undefined) return;
      outcome = why;
      terminateProcessGroup(child.pid, graceMs);
    };
    const timer = setTimeout(() => stop('timed-out'), input.timeoutMs);
    const onAbort = (): void => stop('cancelled');
    input.signal?.addEventListener('abort', onAbort, { once: true });
    const settle = (value: () => ShellProcessResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(drain);
      input.signal?.removeEventListener('abort', onAbort);
      output.flush();
      try {
        resolve(value());
      } catch (error) {
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- what the output callback threw, passed on to the caller as it is
        reject(error);
      }
    };
    child.stdout?.on('data', (data: Buffer) => output.push('stdout', data));
    child.stderr?.on('data', (data: Buffer) => output.push('stderr', data));
    child.once('spawn', () => {
      if (child.pid !== undefined) input.onStart?.({ pid: child.pid });
    });
    child.once('error', (error) => {
      // After a successful spawn, errors are about signalling and the exit still comes.
      if (child.pid === undefined)
        settle(() =>
          finish('failed-to-start', null, null, `cannot start bash in ${input.cwd ?? homedir()}: ${error.message}`),
        );
    });
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      if (child.pid !== undefined) terminateProcessGroup(child.pid, graceMs);
      // A process that left the group (setsid) may hold the pipes open forever: stop waiting then.
      drain = setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
        settle(() => finish(outcome, code, signal, null));
      }, graceMs + 1000);
    });
    child.once('close', () => {
      if (exit !== null) settle(() => finish(outcome, exit?.code ?? null, exit?.signal ?? null, null));
    });
  });
}
