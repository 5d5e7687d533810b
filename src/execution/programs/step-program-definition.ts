import type { Static, TSchema } from 'typebox';
import type { Step } from '../../runbooks/runbook-model.js';
import type { Queryable } from '../../storage/database.js';
import type { ExecutionServices } from '../execute-step.js';
import type { ParameterRules } from '../parameters/parameter-rules.js';
import type { ProgramRunOptions } from '../run-step-program.js';
import type { ShellProcessResult } from '../process/run-shell-process.js';

/** A secret value with the name it is shown as once redacted. */
export interface NamedSecret {
  name: string;
  value: string;
}

/** What preparing one step's program is given: the step, the operator's values and what the run knows. */
export interface ProgramPreparation {
  db: Queryable;
  step: Step;
  values: Readonly<Record<string, string>>;
  services: ExecutionServices;
  /** Values given for parameters the step does not have are ignored rather than refused. */
  ignoreUnknown: boolean;
  secrets: ReadonlyMap<string, string>;
  rules: ParameterRules;
  /** The named connection the operator chose, for the languages that run on one. */
  connection: string | undefined;
}

/** A step's program made ready, with the secrets to redact and the command as shown. */
export interface PreparedProgram<Program> {
  program: Program;
  /** Values to redact from everything stored: the step's secret parameters and every known secret. */
  secrets: NamedSecret[];
  /** The secret values this step uses: all its runner is given. */
  stepSecrets: NamedSecret[];
  /** The command as it runs, values filled, secrets masked: for the timeline and the approver. */
  preview: string;
}

/**
 * How the steps of one language run (`src/execution/step-programs.ts`). Methods, not function
 * properties: the table holds rows of different programs, each taking only its own.
 */
export interface StepProgramDefinition<Schema extends TSchema> {
  /** The program as a runner receives it (its `kind` is the language), for the claim answer's schema. */
  schema: Schema;
  /** Checks the values and rewrites the code so values stay data; throws 400 naming each bad value, 403 when denied. */
  prepare(preparation: ProgramPreparation): Promise<PreparedProgram<Static<Schema>>>;
  /** Runs the program where the step runs (a runner, or the node's own), reporting how it ended. */
  run(program: Static<Schema>, options: ProgramRunOptions): Promise<ShellProcessResult>;
  /** The named connection it runs on, recorded with its execution; null for languages without one. */
  connection(program: Static<Schema>): string | null;
}
