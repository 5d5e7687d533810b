import { IANAZone } from 'luxon';

/**
 * Converts between instants and local wall-clock time in one IANA zone, fast. Asking Luxon (so
 * Intl) for an offset costs ~5 µs, and a month of a schedule asks thousands of times, so offsets
 * are cached per UTC day: a day whose two ends share an offset is taken to keep it all day, and
 * a day whose ends differ holds one transition, found to the second by bisection. That assumes
 * no zone changes its offset twice within one UTC day, which real rules do not do (the tests
 * compare with Luxon from 1890 to 2100).
 *
 * "Local ms" below is a wall-clock time written as if it were UTC: `Date.UTC(y, m, d, h, mi)`.
 */
export interface ZoneClock {
  readonly name: string;
  /** The zone's offset from UTC at an instant, in ms (positive east of Greenwich). */
  offsetAt(instant: number): number;
  /** The local wall-clock time of an instant, as local ms. */
  toLocal(instant: number): number;
  /**
   * The instant a wall-clock time designates. Times that occur twice (fall back) take the first
   * occurrence; times that do not exist (spring forward) move forward by the gap, so 02:30 on a
   * day clocks jump from 02:00 to 03:00 is 03:30, as Luxon and Temporal's 'compatible' do.
   */
  toInstant(localMs: number): number;
}

export const dayMs = 86_400_000;

interface DayOffsets {
  before: number;
  /** First instant (ms) with `after`; Infinity when the day keeps one offset. */
  changeAt: number;
  after: number;
}

const clocks = new Map<string, ZoneClock>();
const maxCachedDays = 200_000; // ~550 years of days per zone: a bound, not a working size

/** Whether `name` is an IANA zone this runtime knows (Luxon asks Intl). */
export function isKnownTimeZone(name: string): boolean {
  return IANAZone.isValidZone(name);
}

/** The shared clock of a zone; callers must have checked the name with `isKnownTimeZone`. */
export function zoneClock(name: string): ZoneClock {
  const existing = clocks.get(name);
  if (existing !== undefined) return existing;
  const clock = makeZoneClock(name);
  clocks.set(name, clock);
  return clock;
}

function makeZoneClock(name: string): ZoneClock {
  const zone = IANAZone.create(name);
  // Luxon gives minutes, fractional for old local mean times (Algiers 1891: +0:09:21).
  const rawOffset = (instant: number): number => Math.round(zone.offset(instant) * 60_000);
  const days = new Map<number, DayOffsets>();

  const offsetsOf = (day: number): DayOffsets => {
    const cached = days.get(day);
    if (cached !== undefined) return cached;
    let low = day * dayMs;
    let high = low + dayMs;
    // A neighbour already cached knows the offset at the shared midnight.
    const before = days.get(day - 1)?.after ?? rawOffset(low);
    const after = days.get(day + 1)?.before ?? rawOffset(high);
    let changeAt = Infinity;
    if (before !== after) {
      // Transitions fall on whole seconds: bisect until one second apart.
      while (high - low > 1000) {
        const middle = Math.floor((low + high) / 2000) * 1000;
        if (rawOffset(middle) === before) low = middle;
        else high = middle;
      }
      changeAt = high;
    }
    if (days.size >= maxCachedDays) days.clear();
    const entry = { before, changeAt, after };
    days.set(day, entry);
    return entry;
  };

  const offsetAt = (instant: number): number => {
    const entry = offsetsOf(Math.floor(instant / dayMs));
    return instant < entry.changeAt ? entry.before : entry.after;
  };

  return {
    name,
    offsetAt,
    toLocal: (instant) => instant + offsetAt(instant),
    toInstant: (localMs) => {
      // Offsets never exceed ±14 h, so a day either side brackets the instant sought.
      const earlier = offsetAt(localMs - dayMs);
      const later = offsetAt(localMs + dayMs);
      const first = localMs - Math.max(earlier, later);
      const second = localMs - Math.min(earlier, later);
      if (offsetAt(first) === localMs - first) return first; // the only, or the first, occurrence
      if (offsetAt(second) === localMs - second) return second;
      return localMs - earlier; // in a gap: read with the offset in force before it
    },
  };
}

/** Minutes after midnight of an `HH:mm` text (checked against `wallClockPattern` beforehand). */
export function minutesOfWallClock(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

/** ISO weekday (1 Monday … 7 Sunday) of a day number, counted in days since 1970-01-01 (a Thursday). */
export function isoWeekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}
