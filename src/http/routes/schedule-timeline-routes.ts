import { Type } from 'typebox';
import { addScheduleOverride, AddOverrideInput } from '../../oncall/overrides/add-schedule-override.js';
import { removeScheduleOverride } from '../../oncall/overrides/remove-schedule-override.js';
import { OverrideSchema } from '../../oncall/schedules/schedule-model.js';
import { getScheduleTimeline } from '../../oncall/timeline/get-schedule-timeline.js';
import { previewScheduleTimeline } from '../../oncall/timeline/preview-schedule-timeline.js';
import {
  PreviewTimelineInput,
  ScheduleTimelineSchema,
  TimelineWindowQuery,
} from '../../oncall/timeline/schedule-timeline-model.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { errorResponses } from '../schemas.js';

const tags = ['on-call'];
const ScheduleParams = Type.Object({ id: Type.String() });

/** What the console's schedule pages need beyond the schedule itself: its timeline, a preview, overrides one by one. */
export function registerScheduleTimelineRoutes(app: App, { db, now }: HttpDeps): void {
  app.get(
    '/api/v1/schedules/:id/timeline',
    {
      schema: {
        tags,
        summary: "A schedule's timeline to draw: local days, each layer's shifts, overrides and who is on call",
        params: ScheduleParams,
        querystring: TimelineWindowQuery,
        response: { 200: ScheduleTimelineSchema, ...errorResponses },
      },
    },
    async (request) =>
      getScheduleTimeline({ ctx: ctxOf(request, db, now), input: { ...request.query, id: request.params.id } }),
  );

  app.post(
    '/api/v1/schedules/timeline-preview',
    {
      schema: {
        tags,
        summary: 'The timeline an unsaved schedule definition would give (stores nothing)',
        body: PreviewTimelineInput,
        response: { 200: ScheduleTimelineSchema, ...errorResponses },
      },
    },
    async (request) => previewScheduleTimeline({ ctx: ctxOf(request, db, now), input: request.body }),
  );

  app.post(
    '/api/v1/schedules/:id/overrides',
    {
      schema: {
        tags,
        summary: 'Put someone on call instead of every layer for a window (responder)',
        params: ScheduleParams,
        body: AddOverrideInput,
        response: { 201: OverrideSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await addScheduleOverride({
          ctx: ctxOf(request, db, now),
          input: { ...request.body, scheduleId: request.params.id },
        }),
      ),
  );

  app.delete(
    '/api/v1/schedules/:id/overrides/:overrideId',
    {
      schema: {
        tags,
        summary: 'Remove an override; one from a taken swap cancels that swap (responder)',
        params: Type.Object({ id: Type.String(), overrideId: Type.String() }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeScheduleOverride({
        ctx: ctxOf(request, db, now),
        input: { scheduleId: request.params.id, overrideId: request.params.overrideId },
      });
      return reply.status(204).send(null);
    },
  );
}
