import { describe, expect, it } from 'vitest';
import { measureIncidentDurations, type DurationInputs } from '../../src/postmortems/measure-incident-durations.js';
import { event } from './postmortem-fixtures.js';

const base: DurationInputs = {
  detectedAt: '2026-03-29T00:37:00Z',
  firstAlertStartsAt: '2026-03-29T00:35:00Z',
  resolutionTargetMinutes: 60,
  services: [
    { id: 'checkout', name: 'Checkout', rtoMinutes: 30 },
    { id: 'search', name: 'Search', rtoMinutes: 15 },
    { id: 'docs', name: 'Docs', rtoMinutes: null },
  ],
  events: [
    event(1, 'incident_declared', '2026-03-29T00:40:00Z'),
    event(2, 'incident_acknowledged', '2026-03-29T00:52:30Z'),
    event(3, 'incident_mitigated', '2026-03-29T01:00:00Z'),
    event(4, 'incident_resolved', '2026-03-29T01:50:00Z'),
  ],
};

describe('measuring an incident', () => {
  it("measures detection, acknowledgement, mitigation and resolution from the first alert's start, to the second", () => {
    const measured = measureIncidentDurations(base);
    expect(measured.startedAt).toBe('2026-03-29T00:35:00.000Z');
    expect(measured.firstAlertAt).toBe('2026-03-29T00:35:00.000Z');
    expect(measured.detect).toEqual({ from: '2026-03-29T00:35:00.000Z', to: '2026-03-29T00:40:00.000Z', seconds: 300 });
    expect(measured.acknowledge?.seconds).toBe(17 * 60 + 30);
    expect(measured.mitigate?.seconds).toBe(25 * 60);
    expect(measured.resolve?.seconds).toBe(75 * 60);
    expect(measured.restore).toEqual(measured.mitigate);
  });

  it("says which targets were met: the severity's on the resolution, each service's RTO on the restoring; services without RTO are left out", () => {
    const measured = measureIncidentDurations(base);
    expect(measured.resolutionTarget).toEqual({ minutes: 60, met: false });
    expect(measured.rto).toEqual([
      { serviceId: 'checkout', name: 'Checkout', minutes: 30, met: true },
      { serviceId: 'search', name: 'Search', minutes: 15, met: false },
    ]);
    expect(measureIncidentDurations({ ...base, resolutionTargetMinutes: null }).resolutionTarget).toBeNull();
  });

  it('starts at the detection without alerts, or when the detection came before the first alert', () => {
    const noAlert = measureIncidentDurations({ ...base, firstAlertStartsAt: null });
    expect(noAlert.startedAt).toBe('2026-03-29T00:37:00.000Z');
    expect(noAlert.firstAlertAt).toBeNull();
    expect(noAlert.detect?.seconds).toBe(180);
    const lateAlert = measureIncidentDurations({ ...base, firstAlertStartsAt: '2026-03-29T00:45:00Z' });
    expect(lateAlert.startedAt).toBe('2026-03-29T00:37:00.000Z');
  });

  it('keeps the first acknowledgement and mitigation of a reopened incident, the last resolution, and no resolution while reopened', () => {
    const reopened = [
      ...base.events,
      event(5, 'incident_reopened', '2026-03-29T02:00:00Z'),
      event(6, 'incident_acknowledged', '2026-03-29T02:05:00Z'),
    ];
    const open = measureIncidentDurations({ ...base, events: reopened });
    expect(open.acknowledge?.to).toBe('2026-03-29T00:52:30.000Z');
    expect(open.resolve).toBeNull();
    expect(open.resolutionTarget).toEqual({ minutes: 60, met: null });
    const again = measureIncidentDurations({
      ...base,
      events: [...reopened, event(7, 'incident_resolved', '2026-03-29T02:35:00Z')],
    });
    expect(again.resolve?.seconds).toBe(120 * 60);
  });

  it('restores at the resolution when nothing was mitigated first, and leaves what never happened null', () => {
    const direct = measureIncidentDurations({
      ...base,
      events: [base.events[0]!, event(2, 'incident_resolved', '2026-03-29T00:50:00Z')],
    });
    expect(direct.acknowledge).toBeNull();
    expect(direct.mitigate).toBeNull();
    expect(direct.restore).toEqual(direct.resolve);
    expect(direct.rto.map((rto) => rto.met)).toEqual([true, true]);
    const untouched = measureIncidentDurations({ ...base, events: [base.events[0]!] });
    expect(untouched.restore).toBeNull();
    expect(untouched.rto.map((rto) => rto.met)).toEqual([null, null]);
  });
});
