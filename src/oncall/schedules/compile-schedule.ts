import type { Layer, Rotation, Schedule } from './schedule-model.js';
import { dayMs, isoWeekdayOf, minutesOfWallClock, zoneClock, type ZoneClock } from './zone-clock.js';

/** A restriction window as minutes after local midnight; `endDayOffset` 1 when it ends the next day. */
export interface CompiledRestriction {
  weekdays: ReadonlySet<number> | null;
  fromMinutes: number;
  toMinutes: number;
  endDayOffset: 0 | 1;
}

/** A layer ready for computing: instants as epoch ms, the rotation as a handoff function. */
export interface CompiledLayer {
  id: string;
  name: string;
  participants: readonly string[];
  restrictions: readonly CompiledRestriction[] | null;
  /** Nothing is on call from here on (Infinity when the layer never ends). */
  endsAt: number;
  /** Instant of handoff `n` (n ≥ 0); handoff 0 starts participant 0's first shift. */
  handoffAt(n: number): number;
  /** The shift running at `instant`: the last n with handoffAt(n) ≤ instant, or -1 before handoff 0. */
  shiftIndexAt(instant: number): number;
  /** An upper bound of one shift's length, so callers can look back far enough to find its start. */
  maxShiftMs: number;
}

export interface CompiledOverride {
  id: string;
  userId: string;
  start: number;
  end: number;
}

export interface CompiledSchedule {
  clock: ZoneClock;
  layers: CompiledLayer[];
  /** In creation order: a later one wins where two overlap. */
  overrides: CompiledOverride[];
}

/** Prepares a checked schedule for computing (see `checkSchedule`): parses every time once. */
export function compileSchedule(schedule: Schedule): CompiledSchedule {
  const clock = zoneClock(schedule.timeZone);
  return {
    clock,
    layers: schedule.layers.map((layer) => compileLayer(clock, layer)),
    overrides: schedule.overrides.map((o) => ({
      id: o.id,
      userId: o.userId,
      start: Date.parse(o.startsAt),
      end: Date.parse(o.endsAt),
    })),
  };
}

function compileLayer(clock: ZoneClock, layer: Layer): CompiledLayer {
  const rotation = compileRotation(clock, layer.rotation, Date.parse(layer.startsAt));
  return {
    id: layer.id,
    name: layer.name,
    participants: layer.participants,
    restrictions:
      layer.restrictions?.map((r) => {
        const fromMinutes = minutesOfWallClock(r.from);
        const toMinutes = minutesOfWallClock(r.to);
        return {
          weekdays: r.weekdays === undefined ? null : new Set(r.weekdays),
          fromMinutes,
          toMinutes,
          endDayOffset: toMinutes <= fromMinutes ? 1 : 0,
        };
      }) ?? null,
    endsAt: layer.endsAt === undefined ? Infinity : Date.parse(layer.endsAt),
    ...rotation,
  };
}

type RotationFunctions = Pick<CompiledLayer, 'handoffAt' | 'shiftIndexAt' | 'maxShiftMs'>;

/**
 * Daily and weekly handoffs are wall-clock times, so each is resolved in the zone (DST changes
 * the shift's length, not its handoff time); custom handoffs are a fixed number of ms apart.
 */
function compileRotation(clock: ZoneClock, rotation: Rotation, anchor: number): RotationFunctions {
  const handoffMinute = minutesOfWallClock(rotation.handoffTime) * 60_000;
  const atDay = (day: number): number => clock.toInstant(day * dayMs + handoffMinute);
  let firstDay = Math.floor(clock.toLocal(anchor) / dayMs);
  const stepDays = rotation.kind === 'weekly' ? 7 : 1;
  if (rotation.kind === 'weekly') firstDay += ((rotation.handoffWeekday ?? 1) - isoWeekdayOf(firstDay) + 7) % 7;
  if (atDay(firstDay) < anchor) firstDay += stepDays;

  if (rotation.kind === 'custom') {
    const first = atDay(firstDay);
    const length = (rotation.lengthMinutes ?? 24 * 60) * 60_000;
    return {
      handoffAt: (n) => first + n * length,
      shiftIndexAt: (instant) => (instant < first ? -1 : Math.floor((instant - first) / length)),
      maxShiftMs: length,
    };
  }
  const handoffAt = (n: number): number => atDay(firstDay + n * stepDays);
  return {
    handoffAt,
    shiftIndexAt: (instant) => {
      if (instant < handoffAt(0)) return -1;
      // A first guess from the local day, then corrected: DST moves handoffs by an hour or so.
      let n = Math.max(0, Math.floor((Math.floor(clock.toLocal(instant) / dayMs) - firstDay) / stepDays));
      while (n > 0 && handoffAt(n) > instant) n -= 1;
      while (handoffAt(n + 1) <= instant) n += 1;
      return n;
    },
    // Zones have skipped or repeated whole days (Samoa 2011), hence the extra day.
    maxShiftMs: (stepDays + 1) * dayMs,
  };
}
