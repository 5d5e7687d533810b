import type { OutputChunk } from './process/output-collector.js';
import { runShellProcess, type ShellLauncher, type ShellProcessResult } from './process/run-shell-process.js';
import { runSqlStatements } from './sql/run-sql-statements.js';
import type { StepProgram } from './step-job.js';

/** What every kind of step program needs to run: limits, cancellation and where output goes. */
export interface ProgramRunOptions {
  timeoutMs: number;
  maxOutputBytes: number;
  signal: AbortSignal;
  onOutput: (chunk: OutputChunk) => void;
  /** The clock that stamps output (the system clock by default). */
  now?: () => Date;
  /** Working directory of shell steps (SQL steps have none). */
  cwd?: string;
  /** How shell steps are started: in a sandbox, on a runner that has one. */
  launch?: ShellLauncher;
}

/** Runs a step's program, bash or SQL, and reports how it ended in the same terms. */
export async function runStepProgram(program: StepProgram, options: ProgramRunOptions): Promise<ShellProcessResult> {
  const { cwd, launch, ...common } = options;
  if (program.kind === 'shell') {
    return runShellProcess({
      ...common,
      script: program.script,
      env: program.env,
      ...(cwd === undefined ? {} : { cwd }),
      ...(launch === undefined ? {} : { launch }),
    });
  }
  return runSqlStatements({
    ...common,
    connectionString: program.connectionUrl,
    statements: program.statements,
    readOnly: program.readOnly,
  });
}
