import { Type } from 'typebox';
import { claimStepJobsWaiting } from '../../execution/jobs/claim-step-jobs-waiting.js';
import { deregisterRunner } from '../../execution/jobs/deregister-runner.js';
import { finishStepJob } from '../../execution/jobs/finish-step-job.js';
import { listRunners } from '../../execution/jobs/list-runners.js';
import { recordRunnerOutput, RunnerOutputInput } from '../../execution/jobs/record-runner-output.js';
import { registerRunner, RegisterRunnerInput, RunnerSettingsSchema } from '../../execution/jobs/register-runner.js';
import {
  runnerHeartbeat,
  RunnerHeartbeatInput,
  RunnerHeartbeatResultSchema,
} from '../../execution/jobs/runner-heartbeat.js';
import { RunnerSchema } from '../../execution/jobs/runner-model.js';
import { StepEndSchema, StepJobPayloadSchema } from '../../execution/jobs/step-job-payload.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { errorResponses } from '../schemas.js';

const tags = ['runners'];
const SessionParams = Type.Object({ runnerId: Type.String() });
const ExecutionParams = Type.Object({ runnerId: Type.String(), executionId: Type.String() });

/**
 * The runners' side of the API (runner tokens only): register, long-poll for steps, beat, stream
 * output, report the end. And the list of runners, for people.
 */
export function registerRunnerRoutes(app: App, { db, now, execution, metrics }: HttpDeps): void {
  app.get(
    '/api/v1/runners',
    {
      schema: {
        tags,
        summary: 'Runners: connected ones first, with their labels, sandbox and when last seen',
        response: { 200: Type.Array(RunnerSchema), ...errorResponses },
      },
    },
    async (request) => listRunners({ ctx: ctxOf(request, db, now) }),
  );

  app.post(
    '/api/v1/runner/sessions',
    {
      schema: {
        tags,
        summary: 'A runner says who it is (runner token)',
        body: RegisterRunnerInput,
        response: { 200: RunnerSettingsSchema, ...errorResponses },
      },
    },
    async (request) => registerRunner({ ctx: ctxOf(request, db, now), input: request.body, jobs: execution.jobs }),
  );

  app.delete(
    '/api/v1/runner/sessions/:runnerId',
    {
      schema: {
        tags,
        summary: 'A runner stops (runner token)',
        params: SessionParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deregisterRunner({ ctx: ctxOf(request, db, now), input: { runnerId: request.params.runnerId } });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/runner/sessions/:runnerId/claim',
    {
      schema: {
        tags,
        summary: 'Claim steps to run, waiting up to waitMs for one (runner token)',
        params: SessionParams,
        body: Type.Object(
          {
            max: Type.Integer({ minimum: 1, maximum: 64, description: 'free slots' }),
            waitMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 60_000, default: 25_000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ jobs: Type.Array(StepJobPayloadSchema) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      // A runner killed while its claim waits closes the connection: from then on nothing is claimed for it.
      const gone = new AbortController();
      const onClose = (): void => {
        if (!reply.raw.writableFinished) gone.abort();
      };
      reply.raw.once('close', onClose);
      try {
        return {
          jobs: await claimStepJobsWaiting({
            ctx: ctxOf(request, db, now),
            input: { runnerId: request.params.runnerId, max: request.body.max, waitMs: request.body.waitMs ?? 25_000 },
            services: execution,
            gone: gone.signal,
          }),
        };
      } finally {
        reply.raw.off('close', onClose);
      }
    },
  );

  app.post(
    '/api/v1/runner/sessions/:runnerId/heartbeat',
    {
      schema: {
        tags,
        summary: 'Prove the runner and its steps alive; learn which to stop (runner token)',
        params: SessionParams,
        body: RunnerHeartbeatInput,
        response: { 200: RunnerHeartbeatResultSchema, ...errorResponses },
      },
    },
    async (request) =>
      runnerHeartbeat({
        ctx: ctxOf(request, db, now),
        input: { ...request.body, runnerId: request.params.runnerId },
        jobs: execution.jobs,
      }),
  );

  app.post(
    '/api/v1/runner/sessions/:runnerId/executions/:executionId/output',
    {
      schema: {
        tags,
        summary: 'Redacted output of a running step (runner token)',
        params: ExecutionParams,
        body: RunnerOutputInput,
        response: { 200: Type.Object({ cancel: Type.Boolean() }), ...errorResponses },
      },
    },
    async (request) =>
      recordRunnerOutput({
        ctx: ctxOf(request, db, now),
        input: { ...request.body, ...request.params },
        services: execution,
      }),
  );

  app.post(
    '/api/v1/runner/sessions/:runnerId/executions/:executionId/finish',
    {
      schema: {
        tags,
        summary: 'How a step ended, with its last output (runner token)',
        params: ExecutionParams,
        body: StepEndSchema,
        response: { 200: Type.Object({ status: Type.Union([Type.String(), Type.Null()]) }), ...errorResponses },
      },
    },
    async (request) => {
      const ended = await finishStepJob({
        ctx: ctxOf(request, db, now),
        input: { ...request.params, result: request.body },
        services: execution,
      });
      // null: the step had already ended another way (cancelled, declared interrupted): nothing ended here.
      if (ended.status !== null) metrics.stepExecutions.inc({ outcome: ended.status });
      return ended;
    },
  );
}
