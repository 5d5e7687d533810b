import { getRun } from '../../execution/get-run.js';
import { listRuns, ListRunsQuery } from '../../execution/list-runs.js';
import { Type } from 'typebox';
import { cancelStepExecution } from '../../execution/cancel-step-execution.js';
import { decideStepApproval, DecideApprovalInput } from '../../execution/decide-step-approval.js';
import { endRun, EndRunInput } from '../../execution/end-run.js';
import { executeStep, ExecuteStepInput } from '../../execution/execute-step.js';
import { recordStepOutcome, StepOutcomeInput } from '../../execution/record-step-outcome.js';
import { runReadOnlySteps, RunReadOnlyStepsInput } from '../../execution/run-read-only-steps.js';
import { listStepOutput, StepOutputSchema } from '../../execution/list-step-output.js';
import { RunSchema, StepExecutionSchema } from '../../execution/run-model.js';
import { getExecutionSettings } from '../../execution/get-execution-settings.js';
import { ExecutionSettingsSchema, updateExecutionSettings } from '../../execution/update-execution-settings.js';
import { startRun, StartRunInput } from '../../execution/start-run.js';
import { SuccessConditionSchema } from '../../execution/verification/success-condition.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { errorResponses, IdParams } from '../schemas.js';

const tags = ['runs'];

/** Runs of runbooks: start one (in an incident or as a rehearsal), show it with its step executions. */
export function registerRunRoutes(app: App, { db, now, execution, metrics }: HttpDeps): void {
  app.post(
    '/api/v1/runs',
    {
      schema: {
        tags,
        summary: 'Start a run of a runbook',
        body: StartRunInput,
        response: { 201: RunSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await startRun({ ctx: ctxOf(request, db, now), input: request.body })),
  );

  app.get(
    '/api/v1/runs',
    {
      schema: {
        tags,
        summary: 'List runs, newest first (those of an incident with ?incidentId=)',
        querystring: ListRunsQuery,
        response: { 200: Type.Array(RunSchema), ...errorResponses },
      },
    },
    async (request) => listRuns({ ctx: ctxOf(request, db, now), input: request.query }),
  );

  app.get(
    '/api/v1/runs/:id',
    {
      schema: {
        tags,
        summary: 'Show a run and its step executions',
        params: IdParams,
        response: { 200: RunSchema, ...errorResponses },
      },
    },
    async (request) => getRun({ ctx: ctxOf(request, db, now), input: request.params }),
  );

  app.post(
    '/api/v1/runs/:id/steps/:stepId/execute',
    {
      schema: {
        tags,
        summary: 'Run one shell or SQL step (or only show it, with dryRun)',
        params: Type.Object({ id: Type.String(), stepId: Type.String() }),
        body: ExecuteStepInput,
        response: { 200: ExecuteResultSchema, 202: ExecuteResultSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await executeStep({
        ctx: ctxOf(request, db, now),
        input: { ...request.body, runId: request.params.id, stepId: request.params.stepId },
        services: execution,
      });
      return reply.status(result.execution === null ? 200 : 202).send(result);
    },
  );

  app.get(
    '/api/v1/runs/:id/executions/:executionId/output',
    {
      schema: {
        tags,
        summary: 'The redacted output of a step execution so far',
        params: Type.Object({ id: Type.String(), executionId: Type.String() }),
        querystring: Type.Object(
          { after: Type.Optional(Type.Integer({ minimum: -1 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(StepOutputSchema), ...errorResponses },
      },
    },
    async (request) =>
      listStepOutput({
        ctx: ctxOf(request, db, now),
        input: {
          runId: request.params.id,
          executionId: request.params.executionId,
          ...(request.query.after === undefined ? {} : { after: request.query.after }),
        },
      }),
  );

  app.post(
    '/api/v1/runs/:id/executions/:executionId/approval',
    {
      schema: {
        tags,
        summary: 'Approve or refuse a destructive step (a second responder)',
        params: Type.Object({ id: Type.String(), executionId: Type.String() }),
        body: DecideApprovalInput,
        response: { 200: StepExecutionSchema, ...errorResponses },
      },
    },
    async (request) =>
      decideStepApproval({
        ctx: ctxOf(request, db, now),
        input: { ...request.body, runId: request.params.id, executionId: request.params.executionId },
        services: execution,
      }),
  );

  app.get(
    '/api/v1/runbooks/:id/execution-settings',
    {
      schema: {
        tags,
        summary: "How a runbook's steps run: self-approval, parameter rules",
        params: IdParams,
        response: { 200: ExecutionSettingsSchema, ...errorResponses },
      },
    },
    async (request) => getExecutionSettings({ ctx: ctxOf(request, db, now), input: { runbookId: request.params.id } }),
  );

  app.put(
    '/api/v1/runbooks/:id/execution-settings',
    {
      schema: {
        tags,
        summary: 'Set self-approval of destructive steps and the values parameters accept (admin)',
        params: IdParams,
        body: ExecutionSettingsSchema,
        response: { 200: ExecutionSettingsSchema, ...errorResponses },
      },
    },
    async (request) =>
      updateExecutionSettings({
        ctx: ctxOf(request, db, now),
        input: { ...request.body, runbookId: request.params.id },
      }),
  );

  app.post(
    '/api/v1/runs/:id/steps/:stepId/outcome',
    {
      schema: {
        tags,
        summary: 'Check off a manual step, or skip a step, with a note',
        params: Type.Object({ id: Type.String(), stepId: Type.String() }),
        body: StepOutcomeInput,
        response: { 201: StepExecutionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const execution = await recordStepOutcome({
        ctx: ctxOf(request, db, now),
        input: { ...request.body, runId: request.params.id, stepId: request.params.stepId },
      });
      metrics.stepExecutions.inc({ outcome: request.body.outcome });
      return reply.status(201).send(execution);
    },
  );

  app.post(
    '/api/v1/runs/:id/sections/run-read-only',
    {
      schema: {
        tags,
        summary: 'Run every read-only shell step of a section, in order',
        params: IdParams,
        body: RunReadOnlyStepsInput,
        response: { 202: Type.Array(StepExecutionSchema), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(202).send(
        await runReadOnlySteps({
          ctx: ctxOf(request, db, now),
          input: { ...request.body, runId: request.params.id },
          services: execution,
        }),
      ),
  );

  app.post(
    '/api/v1/runs/:id/end',
    {
      schema: {
        tags,
        summary: 'End a run as verified, failed or abandoned',
        params: IdParams,
        body: EndRunInput,
        response: { 200: RunSchema, ...errorResponses },
      },
    },
    async (request) => endRun({ ctx: ctxOf(request, db, now), input: { ...request.body, runId: request.params.id } }),
  );

  app.post(
    '/api/v1/runs/:id/executions/:executionId/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a queued or running step (its whole process group is killed)',
        params: Type.Object({ id: Type.String(), executionId: Type.String() }),
        response: { 202: StepExecutionSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(202).send(
        await cancelStepExecution({
          ctx: ctxOf(request, db, now),
          input: { runId: request.params.id, executionId: request.params.executionId },
          jobs: execution.jobs,
        }),
      ),
  );
}

const ExecuteResultSchema = Type.Object({
  execution: Type.Union([StepExecutionSchema, Type.Null()]),
  preview: Type.String(),
  condition: Type.Union([SuccessConditionSchema, Type.Null()], { description: 'what the step must show to succeed' }),
});
