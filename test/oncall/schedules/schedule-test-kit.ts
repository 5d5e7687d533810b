import { DateTime } from 'luxon';
import { checkSchedule } from '../../../src/oncall/schedules/check-schedule.js';
import type { Layer, Override, Schedule, Shift } from '../../../src/oncall/schedules/schedule-model.js';

/**
 * Builders and a compact notation for the schedule tests: a timeline reads as lines like
 * `03-29 09:00 → 03-30 09:00 alice primary 24h`, in the schedule's zone, so a failing test shows
 * the whole story at once.
 */

type LayerFields = Partial<Layer> & Pick<Layer, 'id' | 'participants'>;

/** A layer with defaults: a daily 09:00 handoff anchored on 2026-03-02 (a Monday) at midnight UTC. */
export function layerOf(fields: LayerFields): Layer {
  return {
    name: fields.id,
    rotation: { kind: 'daily', handoffTime: '09:00' },
    startsAt: '2026-03-02T00:00:00Z',
    ...fields,
  };
}

/** A schedule, checked, so that every fixture is one the API would accept. */
export function scheduleOf(timeZone: string, layers: Layer[], overrides: Override[] = []): Schedule {
  return checkSchedule({ timeZone, layers, overrides });
}

/** The instant of a local wall-clock time (`2026-03-02T09:00`); not for ambiguous times. */
export function localInstant(text: string, zone: string): Date {
  const dateTime = DateTime.fromISO(text, { zone });
  if (!dateTime.isValid) throw new Error(`bad local time ${text}`);
  return dateTime.toJSDate();
}

/** `MM-dd HH:mm` of an instant in a zone (with the year when it is not 2026). */
export function localText(instant: Date, zone: string): string {
  const dateTime = DateTime.fromJSDate(instant, { zone });
  return dateTime.toFormat(dateTime.year === 2026 ? 'MM-dd HH:mm' : 'yyyy-MM-dd HH:mm');
}

/** Length in hours. */
export function hoursOf(shift: { start: Date; end: Date }): number {
  return (shift.end.getTime() - shift.start.getTime()) / 3_600_000;
}

/** One line per piece: local start → local end, who (or `-`), source, length. */
export function describeShifts(
  shifts: Array<Pick<Shift, 'start' | 'end' | 'userId'> & Partial<Shift>>,
  zone: string,
): string[] {
  return shifts.map((s) => {
    const source = s.overrideId ?? s.layerId ?? null;
    return [
      `${localText(s.start, zone)} → ${localText(s.end, zone)}`,
      s.userId ?? '-',
      ...(source === null ? [] : [source]),
      `${hoursOf(s)}h`,
    ].join(' ');
  });
}
