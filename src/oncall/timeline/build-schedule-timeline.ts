import { validationError } from '../../core/app-error.js';
import { computeLayerShifts } from '../schedules/compute-layer-shifts.js';
import { computeShifts } from '../schedules/compute-shifts.js';
import type { Schedule } from '../schedules/schedule-model.js';
import { dayMs, zoneClock, type ZoneClock } from '../schedules/zone-clock.js';
import type { ScheduleTimeline, TimelineWindowQuery } from './schedule-timeline-model.js';

/** Two weeks: what the console shows by default. */
const defaultDays = 14;
/** A bound on the drawing's size (a 15-minute rotation gives ~3,000 blocks a month per layer). */
const maxWindowMs = 62 * dayMs;

/** The instant local midnight of local day `day` (days since 1970-01-01, local) begins. */
const midnight = (clock: ZoneClock, day: number): number => clock.toInstant(day * dayMs);
const localDay = (clock: ZoneClock, instant: number): number => Math.floor(clock.toLocal(instant) / dayMs);

/**
 * The window asked for, in epoch ms. Defaults follow local days, not 24-hour steps: "today" starts
 * at the zone's midnight, and 14 days later is midnight again even across a clock change.
 * Refuses (400) a reversed or empty window, or one longer than 62 days.
 */
export function timelineWindow(timeZone: string, now: Date, query: TimelineWindowQuery): { from: number; to: number } {
  const clock = zoneClock(timeZone);
  const from = query.from === undefined ? midnight(clock, localDay(clock, now.getTime())) : Date.parse(query.from);
  const to = query.to === undefined ? midnight(clock, localDay(clock, from) + defaultDays) : Date.parse(query.to);
  if (Number.isNaN(from) || Number.isNaN(to) || !(to > from) || to - from > maxWindowMs) {
    throw validationError('bad window', [{ path: '/to', message: 'must be after from, at most 62 days later' }]);
  }
  return { from, to };
}

/** The local days the window touches, each cut to the window, with its real length in hours. */
function localDays(clock: ZoneClock, from: number, to: number): ScheduleTimeline['days'] {
  const days: ScheduleTimeline['days'] = [];
  for (let day = localDay(clock, from); midnight(clock, day) < to; day += 1) {
    const start = midnight(clock, day);
    const end = midnight(clock, day + 1);
    days.push({
      date: new Date(day * dayMs).toISOString().slice(0, 10),
      start: new Date(Math.max(start, from)).toISOString(),
      end: new Date(Math.min(end, to)).toISOString(),
      hours: (end - start) / 3_600_000,
    });
  }
  return days;
}

/**
 * A schedule's timeline over [from, to) for drawing: local days, each layer's own shifts, the
 * overrides and the final line, with people's names (`names`: user id → name; unknown ids are
 * shown as themselves). The schedule must have passed `checkSchedule`.
 */
export function buildScheduleTimeline(
  schedule: Schedule,
  window: { from: number; to: number },
  names: ReadonlyMap<string, string>,
  now: Date,
): ScheduleTimeline {
  const from = new Date(window.from);
  const to = new Date(window.to);
  const nameOf = (userId: string): string => names.get(userId) ?? userId;
  const iso = (date: Date): string => date.toISOString();
  return {
    timeZone: schedule.timeZone,
    from: iso(from),
    to: iso(to),
    now: iso(now),
    days: localDays(zoneClock(schedule.timeZone), window.from, window.to),
    layers: computeLayerShifts(schedule, from, to).map((layer) => ({
      layerId: layer.layerId,
      name: layer.name,
      shifts: layer.shifts.map((shift) => ({
        userId: shift.userId,
        name: nameOf(shift.userId),
        start: iso(shift.start),
        end: iso(shift.end),
      })),
    })),
    overrides: schedule.overrides
      .filter((o) => Date.parse(o.endsAt) > window.from && Date.parse(o.startsAt) < window.to)
      .map((o) => ({
        overrideId: o.id,
        userId: o.userId,
        name: nameOf(o.userId),
        start: iso(new Date(Math.max(Date.parse(o.startsAt), window.from))),
        end: iso(new Date(Math.min(Date.parse(o.endsAt), window.to))),
        reason: o.reason ?? null,
        swapFrom: o.swap === undefined ? null : nameOf(o.swap.requestedBy),
      })),
    final: computeShifts(schedule, from, to).map((shift) => ({
      userId: shift.userId,
      name: shift.userId === null ? null : nameOf(shift.userId),
      start: iso(shift.start),
      end: iso(shift.end),
      layerId: shift.layerId,
      overrideId: shift.overrideId,
    })),
  };
}
