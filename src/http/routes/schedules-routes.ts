import { Type } from 'typebox';
import { listShiftSwaps } from '../../oncall/swaps/list-shift-swaps.js';
import { requestShiftSwap, RequestShiftSwapInput } from '../../oncall/swaps/request-shift-swap.js';
import { ShiftSwapSchema } from '../../oncall/swaps/shift-swap-model.js';
import { takeShiftSwap } from '../../oncall/swaps/take-shift-swap.js';
import { ShiftSchema } from '../../oncall/schedules/schedule-model.js';
import { exportScheduleCalendar } from '../../oncall/schedules-store/export-schedule-calendar.js';
import { getOnCall, listShifts } from '../../oncall/schedules-store/get-on-call.js';
import { getSchedule, listSchedules } from '../../oncall/schedules-store/get-schedule.js';
import {
  listOnCallNow,
  ListOnCallNowQuery,
  ScheduleOnCallSchema,
} from '../../oncall/schedules-store/list-on-call-now.js';
import { putSchedule } from '../../oncall/schedules-store/put-schedule.js';
import {
  PutScheduleInput,
  ScheduleIdSchema,
  ScheduleRecordSchema,
} from '../../oncall/schedules-store/schedule-record.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { AtQuery, errorResponses } from '../schemas.js';

const tags = ['on-call'];
const nullable = (schema: ReturnType<typeof Type.String>) => Type.Union([schema, Type.Null()]);
const OnCallSchema = Type.Object(
  {
    scheduleId: Type.String(),
    at: Type.String({ format: 'date-time' }),
    onCall: Type.Union([
      Type.Object({
        userId: Type.String(),
        name: Type.String(),
        email: nullable(Type.String()),
        until: nullable(Type.String({ format: 'date-time' })),
        layerId: nullable(Type.String()),
        overrideId: nullable(Type.String()),
      }),
      Type.Null(),
    ]),
  },
  { title: 'OnCall' },
);

/** Schedules: who is on call when, their shifts (also as iCalendar), and shift swaps. */
export function registerScheduleRoutes(app: App, { db, now }: HttpDeps): void {
  app.put(
    '/api/v1/schedules/:id',
    {
      schema: {
        tags,
        summary: 'Create or replace a schedule (admin)',
        params: Type.Object({ id: ScheduleIdSchema }),
        body: PutScheduleInput,
        response: { 200: ScheduleRecordSchema, 201: ScheduleRecordSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { schedule, created } = await putSchedule({
        ctx: ctxOf(request, db, now),
        input: { ...request.body, id: request.params.id },
      });
      return reply.status(created ? 201 : 200).send(schedule);
    },
  );

  app.get(
    '/api/v1/schedules',
    {
      schema: {
        tags,
        summary: 'List schedules',
        response: { 200: Type.Array(ScheduleRecordSchema), ...errorResponses },
      },
    },
    async (request) => listSchedules({ ctx: ctxOf(request, db, now) }),
  );

  app.get(
    '/api/v1/on-call',
    {
      schema: {
        tags,
        summary: 'Every schedule: who is on call now, until when, and the next shifts',
        querystring: ListOnCallNowQuery,
        response: { 200: Type.Array(ScheduleOnCallSchema), ...errorResponses },
      },
    },
    async (request) => listOnCallNow({ ctx: ctxOf(request, db, now), input: request.query }),
  );

  app.get(
    '/api/v1/schedules/:id',
    {
      schema: {
        tags,
        summary: 'Show a schedule',
        params: Type.Object({ id: Type.String() }),
        response: { 200: ScheduleRecordSchema, ...errorResponses },
      },
    },
    async (request) => getSchedule({ ctx: ctxOf(request, db, now), input: request.params }),
  );

  app.get(
    '/api/v1/schedules/:id/on-call',
    {
      schema: {
        tags,
        summary: 'Who is on call now, or at `at`',
        params: Type.Object({ id: Type.String() }),
        querystring: AtQuery,
        response: { 200: OnCallSchema, ...errorResponses },
      },
    },
    async (request) => getOnCall({ ctx: ctxOf(request, db, now), input: { ...request.params, ...request.query } }),
  );

  app.get(
    '/api/v1/schedules/:id/shifts',
    {
      schema: {
        tags,
        summary: 'The final shifts between from and to (at most a year)',
        params: Type.Object({ id: Type.String() }),
        querystring: Type.Object(
          { from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(ShiftSchema), ...errorResponses },
      },
    },
    async (request) => listShifts({ ctx: ctxOf(request, db, now), input: { ...request.params, ...request.query } }),
  );

  app.get(
    '/api/v1/schedules/:id/calendar.ics',
    {
      schema: {
        tags,
        summary: "A schedule's shifts as iCalendar (or one person's, with user)",
        params: Type.Object({ id: Type.String() }),
        querystring: Type.Object(
          {
            user: Type.Optional(Type.String()),
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { user, ...window } = request.query;
      const text = await exportScheduleCalendar({
        ctx: ctxOf(request, db, now),
        input: { id: request.params.id, ...window, ...(user === undefined ? {} : { userId: user }) },
      });
      return reply.header('content-type', 'text/calendar; charset=utf-8').send(text);
    },
  );

  app.post(
    '/api/v1/schedules/:id/swaps',
    {
      schema: {
        tags,
        summary: 'Ask for cover of your own shift (responder)',
        params: Type.Object({ id: Type.String() }),
        body: RequestShiftSwapInput,
        response: { 201: ShiftSwapSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await requestShiftSwap({
          ctx: ctxOf(request, db, now),
          input: { ...request.body, scheduleId: request.params.id },
        }),
      ),
  );

  app.get(
    '/api/v1/schedules/:id/swaps',
    {
      schema: {
        tags,
        summary: "A schedule's shift swaps, open ones first",
        params: Type.Object({ id: Type.String() }),
        response: { 200: Type.Array(ShiftSwapSchema), ...errorResponses },
      },
    },
    async (request) => listShiftSwaps({ ctx: ctxOf(request, db, now), input: { scheduleId: request.params.id } }),
  );

  app.post(
    '/api/v1/schedules/:id/swaps/:swapId/take',
    {
      schema: {
        tags,
        summary: 'Take an open shift swap: the schedule gets an override with both names (responder)',
        params: Type.Object({ id: Type.String(), swapId: Type.String({ format: 'uuid' }) }),
        response: { 200: ShiftSwapSchema, ...errorResponses },
      },
    },
    async (request) =>
      takeShiftSwap({
        ctx: ctxOf(request, db, now),
        input: { scheduleId: request.params.id, swapId: request.params.swapId },
      }),
  );
}
