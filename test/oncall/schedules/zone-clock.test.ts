import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isKnownTimeZone, isoWeekdayOf, zoneClock } from '../../../src/oncall/schedules/zone-clock.js';

const hour = 3_600_000;
const zones = [
  'Europe/Paris',
  'Europe/Zurich',
  'Africa/Algiers',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Apia',
  'Africa/Casablanca',
  'UTC',
];

/** A repeatable pseudo-random sequence (mulberry32), so a failure can be replayed. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('the cached zone clock', () => {
  it.each(zones)('agrees with Luxon on the offset of random instants from 1890 to 2100 in %s', (name) => {
    const zone = IANAZone.create(name);
    const clock = zoneClock(name);
    const random = randomSource(name.length);
    const from = Date.UTC(1890, 0, 1);
    const span = Date.UTC(2100, 0, 1) - from;
    for (let i = 0; i < 1000; i += 1) {
      const instant = from + Math.floor(random() * span);
      expect(clock.offsetAt(instant), new Date(instant).toISOString()).toBe(Math.round(zone.offset(instant) * 60_000));
    }
  });

  it.each(zones)(
    'maps the wall-clock times of transition days from 2018 to 2030 to the first instant showing them, or past the gap, in %s',
    (name) => {
      const zone = IANAZone.create(name);
      const clock = zoneClock(name);
      const offsetOf = (instant: number): number => Math.round(zone.offset(instant) * 60_000);
      let checked = 0;
      for (let day = Date.UTC(2018, 0, 1), next = offsetOf(day); day < Date.UTC(2031, 0, 1); day += 86_400_000) {
        const current = next;
        next = offsetOf(day + 86_400_000);
        if (current === next) continue;
        // Every half hour of the local day of the change, through the gap or the repeated hour.
        for (let local = day - 12 * hour; local < day + 36 * hour; local += hour / 2) {
          const offsets = new Set([-26, -14, 0, 14, 26].map((h) => offsetOf(local + h * hour)));
          const matches = [...offsets].map((o) => local - o).filter((u) => offsetOf(u) === local - u);
          const instant = clock.toInstant(local);
          if (matches.length > 0) expect(instant, new Date(local).toISOString()).toBe(Math.min(...matches));
          else expect(clock.toLocal(instant) - local, new Date(local).toISOString()).toBeGreaterThan(0);
          checked += 1;
        }
      }
      expect(checked > 0).toBe(!['Africa/Algiers', 'Asia/Kathmandu', 'UTC'].includes(name));
    },
  );

  it('knows IANA names and refuses others', () => {
    expect(isKnownTimeZone('Europe/Paris')).toBe(true);
    expect(isKnownTimeZone('Africa/Algiers')).toBe(true);
    expect(isKnownTimeZone('Europe/Pariss')).toBe(false);
    expect(isKnownTimeZone('+01:00')).toBe(false);
  });

  it('numbers ISO weekdays from Monday 1 to Sunday 7, before 1970 too', () => {
    const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    expect(isoWeekdayOf(dayOf('1970-01-01'))).toBe(4);
    expect(isoWeekdayOf(dayOf('2026-03-02'))).toBe(1);
    expect(isoWeekdayOf(dayOf('2026-03-29'))).toBe(7);
    expect(isoWeekdayOf(dayOf('1969-12-29'))).toBe(1);
  });
});
