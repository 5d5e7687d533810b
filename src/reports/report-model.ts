import { Type, type Static } from 'typebox';

/** How response times and target compliance are broken down. */
export const reportGroupings = ['severity', 'service', 'team'] as const;
export const ReportGroupingSchema = Type.Enum(reportGroupings);

/** The period as a report answers it: the instants used and the zone read. */
export const PeriodViewSchema = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  timeZone: Type.String(),
});

export const BucketViewSchema = Type.Object({
  date: Type.String({ description: 'local date the day or week starts on' }),
  start: Type.String({ format: 'date-time' }),
  end: Type.String({ format: 'date-time' }),
  partial: Type.Boolean({ description: 'the period cuts this day or week short' }),
  hours: Type.Number({ description: 'length of the whole local day or week (23/25, 167/169 across a DST change)' }),
});

const seconds = Type.Union([Type.Number(), Type.Null()]);

/** A duration's mean and median (p50) and p90, in seconds, with how many incidents they describe. */
export const DurationStatsSchema = Type.Object({
  count: Type.Integer({ description: 'incidents measured' }),
  meanSeconds: seconds,
  p50Seconds: seconds,
  p90Seconds: seconds,
});
export type DurationStats = Static<typeof DurationStatsSchema>;

/** The key and display name of a group: a severity, a service or a team; null key: none. */
export const GroupKeySchema = {
  key: Type.Union([Type.String(), Type.Null()], {
    description: 'severity, service id or team id; null for incidents with no service / no owning team',
  }),
  name: Type.Union([Type.String(), Type.Null()]),
};

/** Rounds seconds (and ratios) to the millisecond: durations are stored to the millisecond. */
export function roundMs(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 1000;
}

/** A share `part / whole`, to four decimals, or null for an empty whole. */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}
