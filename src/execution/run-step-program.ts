import type { OutputChunk } from './process/output-collector.js';
import type { ShellLauncher, ShellProcessResult } from './process/run-shell-process.js';
import type { StepProgram } from './step-job.js';
import { stepProgramOf } from './step-programs.js';

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

/** Runs a step's program, bash or SQL, through its language's row of `stepPrograms`. */
export async function runStepProgram(program: StepProgram, options: ProgramRunOptions): Promise<ShellProcessResult> {
  return stepProgramOf(program).run(program, options);
}
