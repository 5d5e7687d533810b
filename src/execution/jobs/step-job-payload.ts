import { Type, type Static } from 'typebox';
import type { StepJob } from '../step-job.js';
import { StepProgramSchema } from '../step-programs.js';

const NamedSecretSchema = Type.Object({ name: Type.String(), value: Type.String() });

/**
 * What a runner receives when it claims a step: the program to run and only the secret values
 * that step uses (to redact them before any output leaves the runner). Never the server's key,
 * its database URL or the other stored secrets.
 */
export const StepJobPayloadSchema = Type.Object(
  {
    executionId: Type.String(),
    runId: Type.String(),
    stepId: Type.String(),
    program: StepProgramSchema,
    secrets: Type.Array(NamedSecretSchema, { description: 'the values of the secrets this step uses, to redact' }),
    timeoutMs: Type.Integer(),
    maxOutputBytes: Type.Integer(),
  },
  { title: 'StepJob' },
);
export type StepJobPayload = Static<typeof StepJobPayloadSchema>;

export function toStepJobPayload(job: StepJob, maxOutputBytes: number): StepJobPayload {
  return {
    executionId: job.executionId,
    runId: job.runId,
    stepId: job.stepId,
    program: job.program,
    secrets: job.stepSecrets,
    timeoutMs: job.timeoutMs,
    maxOutputBytes,
  };
}

export const OutputChunkSchema = Type.Object(
  { stream: Type.Enum(['stdout', 'stderr']), text: Type.String(), at: Type.String({ format: 'date-time' }) },
  { additionalProperties: false },
);

/** How a step's program ended on its runner, as the runner reports it. */
export const StepResultSchema = Type.Object(
  {
    outcome: Type.Enum(['exited', 'timed-out', 'cancelled', 'failed-to-start']),
    exitCode: Type.Union([Type.Integer(), Type.Null()]),
    signal: Type.Union([Type.String({ maxLength: 20 }), Type.Null()]),
    durationMs: Type.Integer({ minimum: 0 }),
    error: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]),
    stdoutBytes: Type.Integer({ minimum: 0 }),
    stderrBytes: Type.Integer({ minimum: 0 }),
    truncatedBytes: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type StepResult = Static<typeof StepResultSchema>;

/** The end as sent: the result and the last output not sent yet (a short step's whole output: one request, not two). */
export const StepEndSchema = Type.Object(
  { ...StepResultSchema.properties, output: Type.Optional(Type.Array(OutputChunkSchema, { maxItems: 10_000 })) },
  { additionalProperties: false },
);
export type StepEnd = Static<typeof StepEndSchema>;
