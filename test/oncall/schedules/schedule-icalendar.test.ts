import { describe, expect, it } from 'vitest';
import {
  scheduleToICalendar,
  userShiftsToICalendar,
  type ICalendarOptions,
} from '../../../src/oncall/schedules/schedule-icalendar.js';
import type { Override } from '../../../src/oncall/schedules/schedule-model.js';
import { layerOf, scheduleOf } from './schedule-test-kit.js';

interface ParsedEvent {
  [property: string]: string;
}

/** Unfolds RFC 5545 lines and reads each VEVENT's properties (parameters dropped). */
function parseEvents(text: string): ParsedEvent[] {
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line !== '');
  const events: ParsedEvent[] = [];
  let current: ParsedEvent | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current !== null) {
      events.push(current);
      current = null;
    } else if (current !== null) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon).split(';')[0]!] = line.slice(colon + 1);
    }
  }
  return events;
}

const swap: Override = {
  id: 'swap-1',
  userId: 'bob',
  startsAt: '2026-03-04T09:00:00+01:00',
  endsAt: '2026-03-05T09:00:00+01:00',
  reason: 'school play',
  swap: { requestedBy: 'alice', takenBy: 'bob' },
};
const schedule = scheduleOf(
  'Europe/Paris',
  [layerOf({ id: 'primary', name: 'Primary', participants: ['alice', 'bob'] })],
  [swap],
);
const options: ICalendarOptions = {
  name: 'Payments on call',
  users: new Map([
    ['alice', { name: 'Alice Martin', email: 'alice@example.org' }],
    ['bob', { name: 'Bob, Jr.', email: 'bob@example.org' }],
  ]),
  from: new Date('2026-03-03T00:00:00Z'),
  to: new Date('2026-03-06T00:00:00Z'),
  scheduleId: 'sch_1',
};

describe('scheduleToICalendar', () => {
  const text = scheduleToICalendar(schedule, options);
  const events = parseEvents(text);

  it('writes a calendar with CRLF lines, one event per shift overlapping the window, in UTC', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Astreinte//on-call//EN\r\n')).toBe(true);
    expect(text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(text).toContain('X-WR-CALNAME:Payments on call');
    expect(text.match(/^BEGIN:VEVENT$/gm)).toHaveLength(4);
    expect(events.map((e) => `${e.DTSTART} ${e.DTEND} ${e.SUMMARY}`)).toEqual([
      '20260302T080000Z 20260303T080000Z On call: Alice Martin (Primary)', // whole, though it began before `from`
      '20260303T080000Z 20260304T080000Z On call: Bob\\, Jr. (Primary)',
      '20260304T080000Z 20260305T080000Z On call: Bob\\, Jr. (swap)', // not merged with the layer shift
      '20260305T080000Z 20260306T080000Z On call: Bob\\, Jr. (Primary)',
    ]);
  });

  it('describes who and why, and keeps on-call time out of free/busy', () => {
    expect(events[2]!.DESCRIPTION).toBe(
      'On call: Bob\\, Jr. <bob@example.org>\\nSchedule: Payments on call\\nOverride\\nSwap: takes the shift of Alice Martin\\nReason: school play',
    );
    expect(events.every((e) => e.TRANSP === 'TRANSPARENT')).toBe(true);
  });

  it('is the same text every time, and a shift keeps its UID whatever the window', () => {
    expect(scheduleToICalendar(schedule, options)).toBe(text);
    const uids = events.map((e) => e.UID);
    expect(new Set(uids).size).toBe(4);
    expect(uids.every((uid) => /^[0-9a-f]{32}@astreinte$/.test(uid ?? ''))).toBe(true);
    const later = parseEvents(
      scheduleToICalendar(schedule, {
        ...options,
        from: new Date('2026-03-04T12:00:00Z'),
        to: new Date('2026-03-10T00:00:00Z'),
      }),
    );
    expect(later[0]).toMatchObject({ UID: events[2]!.UID, DTSTART: '20260304T080000Z', DTEND: '20260305T080000Z' });
    expect(later[1]!.UID).toBe(events[3]!.UID);
  });

  it('keeps the UID of a shift whose end moves, so calendars update it rather than add a copy', () => {
    const shorter = scheduleOf('Europe/Paris', schedule.layers, [{ ...swap, endsAt: '2026-03-04T21:00:00+01:00' }]);
    const moved = parseEvents(scheduleToICalendar(shorter, options)).find((e) => e.UID === events[2]!.UID);
    expect(moved).toMatchObject({ DTSTART: '20260304T080000Z', DTEND: '20260304T200000Z' });
  });

  it('puts the schedule id and the stamp where asked: other UIDs for another schedule, DTSTAMP from the option', () => {
    const other = parseEvents(
      scheduleToICalendar(schedule, { ...options, scheduleId: 'sch_2', stamp: new Date('2026-02-01T10:00:00Z') }),
    );
    expect(other.map((e) => e.UID).filter((uid) => events.some((e) => e.UID === uid))).toEqual([]);
    expect(new Set(other.map((e) => e.DTSTAMP))).toEqual(new Set(['20260201T100000Z']));
    expect(new Set(events.map((e) => e.DTSTAMP))).toEqual(new Set(['20260303T000000Z']));
  });

  it('names users missing from the map by their id, and writes an empty calendar for an empty window', () => {
    const bare = parseEvents(scheduleToICalendar(schedule, { ...options, users: new Map() }));
    expect(bare[0]!.SUMMARY).toBe('On call: alice (Primary)');
    const empty = scheduleToICalendar(schedule, { ...options, to: options.from });
    expect(empty).toContain('BEGIN:VCALENDAR');
    expect(parseEvents(empty)).toEqual([]);
  });
});

describe('userShiftsToICalendar', () => {
  it("writes only that user's shifts, named after the schedule, with the same UIDs as the schedule calendar", () => {
    const all = parseEvents(scheduleToICalendar(schedule, options));
    const bob = parseEvents(userShiftsToICalendar(schedule, 'bob', options));
    expect(bob.map((e) => `${e.DTSTART} ${e.SUMMARY}`)).toEqual([
      '20260303T080000Z On call: Payments on call (Primary)',
      '20260304T080000Z On call: Payments on call (swap)',
      '20260305T080000Z On call: Payments on call (Primary)',
    ]);
    expect(bob.map((e) => e.UID)).toEqual(all.slice(1).map((e) => e.UID));
    expect(parseEvents(userShiftsToICalendar(schedule, 'nobody', options))).toEqual([]);
  });
});
