import { Type, type Static } from 'typebox';
import { ScheduleSchema } from '../schedules/schedule-model.js';

const instant = Type.String({ format: 'date-time' });
const nullableString = Type.Union([Type.String(), Type.Null()]);

/** A window of a schedule's timeline; both ends optional (default: today and the 13 local days after). */
export const TimelineWindowQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time', description: 'default: local midnight today' })),
    to: Type.Optional(
      Type.String({ format: 'date-time', description: 'exclusive; default: 14 local days after from' }),
    ),
  },
  { additionalProperties: false },
);
export type TimelineWindowQuery = Static<typeof TimelineWindowQuery>;

/** An unsaved definition to preview, with the same window as the saved schedule's timeline. */
export const PreviewTimelineInput = Type.Object(
  { definition: ScheduleSchema, from: TimelineWindowQuery.properties.from, to: TimelineWindowQuery.properties.to },
  { additionalProperties: false },
);
export type PreviewTimelineInput = Static<typeof PreviewTimelineInput>;

const Block = {
  userId: Type.String(),
  name: Type.String({ description: "the person's name, or their id when no user has it" }),
  start: instant,
  end: Type.String({ format: 'date-time', description: 'exclusive' }),
};

/**
 * What a console draws of a schedule over a window: the local days (a daylight-saving day lasts 23
 * or 25 hours), each layer's own shifts, the overrides, and the final on-call line that results.
 * Everything is computed by the server's resolution (`computeLayerShifts`, `computeShifts`).
 */
export const ScheduleTimelineSchema = Type.Object(
  {
    timeZone: Type.String(),
    from: instant,
    to: instant,
    now: Type.String({ format: 'date-time', description: "the server's clock, to mark today" }),
    days: Type.Array(
      Type.Object({
        date: Type.String({ description: 'local date YYYY-MM-DD in the schedule zone' }),
        start: instant,
        end: instant,
        hours: Type.Number({ description: 'length of the local day: 24, or 23 and 25 on daylight-saving days' }),
      }),
    ),
    layers: Type.Array(
      Type.Object({ layerId: Type.String(), name: Type.String(), shifts: Type.Array(Type.Object(Block)) }),
      { description: 'in the definition order: a later layer wins where it has someone' },
    ),
    overrides: Type.Array(
      Type.Object({
        ...Block,
        overrideId: Type.String(),
        reason: nullableString,
        swapFrom: Type.Union([Type.String(), Type.Null()], { description: 'a swap: the name of whose shift it was' }),
      }),
      { description: 'those overlapping the window, cut to it, in creation order' },
    ),
    final: Type.Array(
      Type.Object({
        userId: nullableString,
        name: nullableString,
        start: instant,
        end: instant,
        layerId: nullableString,
        overrideId: nullableString,
      }),
      { description: 'who is really on call, contiguous over the window; userId null is a gap' },
    ),
  },
  { title: 'ScheduleTimeline' },
);
export type ScheduleTimeline = Static<typeof ScheduleTimelineSchema>;
