import { describe, expect, it } from 'vitest';
import { dailyHistory, uptimeOf, type IncidentRow } from '../../src/status-page/load-status-page.js';

const since = new Date('2026-12-01T00:00:00Z');
const now = new Date('2026-12-04T00:00:00Z');
const incident = (from: string, to: string | null, severity = 'P2'): IncidentRow => ({
  id: from,
  severity,
  status: to === null ? 'triggered' : 'resolved',
  detected_at: new Date(from),
  resolved_at: to === null ? null : new Date(to),
  service_ids: ['web'],
});

describe("a public component's history", () => {
  it('counts overlapping incidents once in the uptime', () => {
    // Three days; 6 hours down in all (two incidents overlapping by 2 hours, then 2 more hours).
    const rows = [
      incident('2026-12-01T10:00:00Z', '2026-12-01T14:00:00Z'),
      incident('2026-12-01T12:00:00Z', '2026-12-01T14:00:00Z'),
      incident('2026-12-02T00:00:00Z', '2026-12-02T02:00:00Z'),
    ];
    expect(uptimeOf(rows, since, now)).toBe(91.67);
  });

  it('counts an open incident until now', () => {
    expect(uptimeOf([incident('2026-12-03T12:00:00Z', null)], since, now)).toBe(83.33);
  });

  it('marks each day with the worst incident open during it', () => {
    const rows = [
      incident('2026-12-01T23:00:00Z', '2026-12-02T01:00:00Z', 'P3'),
      incident('2026-12-02T10:00:00Z', '2026-12-02T11:00:00Z', 'P1'),
    ];
    expect(dailyHistory(rows, since, now).map((day) => `${day.date} ${day.status}`)).toEqual([
      '2026-12-01 degraded_performance',
      '2026-12-02 major_outage',
      '2026-12-03 operational',
      '2026-12-04 operational',
    ]);
  });
});
