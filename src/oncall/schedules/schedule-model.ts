import { Type, type Static } from 'typebox';

/**
 * An on-call schedule as stored (JSON) and accepted by the API. Instants are ISO 8601 strings
 * with an offset; wall-clock times (`HH:mm`) and weekdays are read in the schedule's `timeZone`.
 * Beyond this schema, `checkSchedule` enforces what JSON Schema cannot say (a real IANA zone,
 * `endsAt` after `startsAt`, fields that depend on the rotation kind, distinct ids).
 *
 * How a schedule reads (`computeShifts`):
 * - a later layer wins where it has someone on call; overrides win over every layer, and of two
 *   overlapping overrides the later one in the list (the later created) wins;
 * - every period is [start, end): at a handoff instant the incoming person is on call;
 * - a wall-clock time that does not exist (spring forward) moves on by the gap, 02:30 → 03:30;
 *   one that occurs twice (fall back) is its first occurrence, in summer time.
 */

export const rotationKinds = ['daily', 'weekly', 'custom'] as const;

/** `HH:mm`, 00:00 to 23:59. */
export const wallClockPattern = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

// Option sets rather than schemas, so that each use can add its own description.
const id = { minLength: 1, maxLength: 100 };
const userId = { minLength: 1, maxLength: 100, description: 'a user id' };
const instant = { format: 'date-time', examples: ['2026-03-02T09:00:00+01:00'] };
const wallClock = {
  pattern: wallClockPattern,
  examples: ['09:00'],
  description: 'local time HH:mm in the schedule zone',
};
const isoWeekday = { minimum: 1, maximum: 7, description: 'ISO weekday: 1 is Monday, 7 is Sunday' };

export const RotationSchema = Type.Object(
  {
    kind: Type.Enum(rotationKinds, {
      description:
        'daily and weekly hand off at the local wall-clock time (a shift across a DST change lasts 23 or 25 h); custom lasts lengthMinutes exactly',
    }),
    lengthMinutes: Type.Optional(
      Type.Integer({ minimum: 15, maximum: 525_600, description: 'custom rotations only: the length of every shift' }),
    ),
    handoffTime: Type.String({
      ...wallClock,
      description: 'local time of the handoffs (custom: of the first one only)',
    }),
    handoffWeekday: Type.Optional(
      Type.Integer({ ...isoWeekday, description: 'weekly rotations only: ISO weekday of the handoff' }),
    ),
  },
  { additionalProperties: false, title: 'Rotation' },
);
export type Rotation = Static<typeof RotationSchema>;

export const RestrictionSchema = Type.Object(
  {
    weekdays: Type.Optional(
      Type.Array(Type.Integer(isoWeekday), {
        minItems: 1,
        maxItems: 7,
        uniqueItems: true,
        description: 'days a window starts on; default every day',
      }),
    ),
    from: Type.String(wallClock),
    to: Type.String({
      ...wallClock,
      description: 'end of the window; at or before `from` means the next day (from = to is 24 h)',
    }),
  },
  { additionalProperties: false, title: 'Restriction' },
);

export const LayerSchema = Type.Object(
  {
    id: Type.String(id),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    rotation: RotationSchema,
    startsAt: Type.String({
      ...instant,
      description: 'anchor: the first participant starts at the first handoff at or after it',
    }),
    endsAt: Type.Optional(Type.String({ ...instant, description: 'the layer has nobody on call from then on' })),
    participants: Type.Array(Type.String(userId), {
      minItems: 1,
      maxItems: 500,
      description: 'user ids in rotation order; a user may appear twice',
    }),
    restrictions: Type.Optional(
      Type.Array(RestrictionSchema, {
        minItems: 1,
        maxItems: 50,
        description: 'on call only inside these local windows (their union); omit for always',
      }),
    ),
  },
  { additionalProperties: false, title: 'ScheduleLayer' },
);
export type Layer = Static<typeof LayerSchema>;

export const SwapSchema = Type.Object(
  {
    requestedBy: Type.String({ ...userId, description: 'whose shift is given away' }),
    takenBy: Type.String({ ...userId, description: 'who takes it: the override userId' }),
  },
  { additionalProperties: false, title: 'ShiftSwap' },
);

export const OverrideSchema = Type.Object(
  {
    id: Type.String(id),
    userId: Type.String({ ...userId, description: 'who is on call instead of every layer' }),
    startsAt: Type.String(instant),
    endsAt: Type.String({ ...instant, description: 'exclusive' }),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
    swap: Type.Optional(SwapSchema),
  },
  { additionalProperties: false, title: 'ScheduleOverride' },
);
export type Override = Static<typeof OverrideSchema>;

export const ScheduleSchema = Type.Object(
  {
    timeZone: Type.String({
      minLength: 1,
      maxLength: 100,
      examples: ['Europe/Paris'],
      description: 'IANA time zone of every wall-clock time',
    }),
    layers: Type.Array(LayerSchema, { maxItems: 20, description: 'a later layer wins where it has someone on call' }),
    overrides: Type.Array(OverrideSchema, {
      maxItems: 5000,
      description:
        'in creation order: overrides win over every layer, and a later override over an earlier one where they overlap',
    }),
  },
  { additionalProperties: false, title: 'Schedule' },
);
export type Schedule = Static<typeof ScheduleSchema>;

/*
 * Results. Computations return `Date`s; the response schemas below describe them as ISO strings,
 * which is what Fastify's serializer writes for a `Date` in a `format: 'date-time'` string.
 */
const nullableId = Type.Union([Type.String(), Type.Null()]);

/** One piece of the final timeline: who is on call and why; `userId` null is a gap (nobody). */
export interface Shift {
  userId: string | null;
  start: Date;
  /** Exclusive. */
  end: Date;
  /** The layer it comes from, or null for an override or a gap. */
  layerId: string | null;
  /** The override it comes from, or null. */
  overrideId: string | null;
}

export const ShiftSchema = Type.Object(
  {
    userId: nullableId,
    start: Type.String({ format: 'date-time' }),
    end: Type.String({ format: 'date-time', description: 'exclusive' }),
    layerId: nullableId,
    overrideId: nullableId,
  },
  { title: 'OnCallShift' },
);

/** One shift of one layer, before the layers are combined; for drawing each layer's row. */
export interface LayerShift {
  userId: string;
  start: Date;
  end: Date;
}

/** A layer's own shifts (rotation and restrictions applied, other layers and overrides not). */
export interface LayerRendering {
  layerId: string;
  name: string;
  shifts: LayerShift[];
}

/** Who is on call at an instant; `until` is null when nothing changes within the look-ahead. */
export interface OnCallNow {
  userId: string;
  until: Date | null;
  layerId: string | null;
  overrideId: string | null;
}
