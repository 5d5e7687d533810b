import type { StepProgram } from './step-programs.js';
import type { SuccessCondition } from './verification/success-condition.js';

/** What a step runs: a rewritten bash script with its environment, or bound SQL on a named connection (`stepPrograms`). */
export type { StepProgram };

/**
 * One step execution made ready when a runner claims it. Lives in memory only: it holds parameter
 * and secret values. What the runner receives of it is `toStepJobPayload`.
 */
export interface StepJob {
  executionId: string;
  runId: string;
  incidentId: string | null;
  stepId: string;
  program: StepProgram;
  /** Values to redact from everything stored: the step's secret parameters and every known secret. */
  secrets: { name: string; value: string }[];
  /** The secret values this step uses (its secret parameters, its connection's password): all its runner is given. */
  stepSecrets: { name: string; value: string }[];
  timeoutMs: number;
  /** Checked when the step ends; null: success is exit status 0. */
  condition: SuccessCondition | null;
  /** A step of a verification section: when it succeeds, the run may be verified. */
  verifiesRun: boolean;
}
