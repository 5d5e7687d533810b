import { describe, expect, it } from 'vitest';
import { whoIsOnCall } from '../../../src/oncall/schedules/who-is-on-call.js';
import { layerOf, localInstant, localText, scheduleOf } from './schedule-test-kit.js';

const zone = 'Europe/Paris';
const at = (text: string): Date => localInstant(text, zone);
const schedule = scheduleOf(
  zone,
  [
    layerOf({ id: 'base', participants: ['alice', 'bob'] }),
    layerOf({ id: 'lunch', participants: ['luc'], restrictions: [{ from: '12:00', to: '13:00' }] }),
  ],
  [{ id: 'o1', userId: 'oscar', startsAt: '2026-03-05T02:00:00+01:00', endsAt: '2026-03-05T06:00:00+01:00' }],
);

/** `who until` in local time, or `nobody`. */
function ask(text: string, of = schedule): string {
  const now = whoIsOnCall(of, at(text));
  if (now === null) return 'nobody';
  return `${now.userId} ${now.layerId ?? now.overrideId ?? ''} until ${now.until === null ? 'further notice' : localText(now.until, zone)}`;
}

describe('whoIsOnCall', () => {
  it('counts a handoff instant for the incoming person: start inclusive, end exclusive', () => {
    expect(ask('2026-03-03T08:59:59.999')).toBe('alice base until 03-03 09:00');
    expect(ask('2026-03-03T09:00')).toBe('bob base until 03-03 12:00');
  });

  it('gives until the next change of person or source: a later layer taking over, an override', () => {
    expect(ask('2026-03-03T12:00')).toBe('luc lunch until 03-03 13:00');
    expect(ask('2026-03-03T12:59')).toBe('luc lunch until 03-03 13:00');
    expect(ask('2026-03-03T13:00')).toBe('bob base until 03-04 09:00');
    expect(ask('2026-03-04T13:00')).toBe('alice base until 03-05 02:00');
    expect(ask('2026-03-05T02:00')).toBe('oscar o1 until 03-05 06:00');
    expect(ask('2026-03-05T06:00')).toBe('alice base until 03-05 09:00');
  });

  it('says nobody in a gap and before the first handoff', () => {
    const days = scheduleOf(zone, [
      layerOf({ id: 'days', participants: ['dora'], restrictions: [{ from: '09:00', to: '18:00' }] }),
    ]);
    expect(ask('2026-03-03T18:00', days)).toBe('nobody');
    expect(ask('2026-03-03T17:59', days)).toBe('dora days until 03-03 18:00');
    expect(ask('2026-03-02T08:00')).toBe('nobody');
  });

  it('looks past merged handoffs for until, and gives no end when a lone participant never hands over', () => {
    const weekdays = scheduleOf(zone, [
      layerOf({
        id: 'solo',
        participants: ['sam'],
        restrictions: [{ weekdays: [1, 2, 3, 4, 5], from: '00:00', to: '00:00' }],
      }),
    ]);
    expect(ask('2026-03-03T10:00', weekdays)).toBe('sam solo until 03-07 00:00');
    const forever = scheduleOf(zone, [layerOf({ id: 'solo', participants: ['sam'] })]);
    expect(whoIsOnCall(forever, at('2026-03-03T10:00'))).toEqual({
      userId: 'sam',
      layerId: 'solo',
      overrideId: null,
      until: null,
    });
    const ending = scheduleOf(zone, [
      layerOf({ id: 'solo', participants: ['sam'], endsAt: '2026-06-01T00:00:00+02:00' }),
    ]);
    expect(ask('2026-03-03T10:00', ending)).toBe('sam solo until 06-01 00:00');
  });
});
