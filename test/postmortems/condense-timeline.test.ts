import { describe, expect, it } from 'vitest';
import { condenseTimeline } from '../../src/postmortems/condense-timeline.js';
import { event } from './postmortem-fixtures.js';

describe('condensing a timeline to its key moments', () => {
  it('keeps detection, acknowledgement, escalations, steps with their results, mitigation and resolution, in order', () => {
    const moments = condenseTimeline(
      [
        event(1, 'incident_declared', '2026-03-29T00:40:00Z', { severity: 'P1', title: 'Checkout down' }, 'prom'),
        event(2, 'alert_fired', '2026-03-29T00:40:00Z', { title: 'CheckoutDown', service: 'checkout' }, 'prom'),
        event(3, 'escalation_started', '2026-03-29T00:40:00Z', {}),
        event(4, 'escalation_level_paged', '2026-03-29T00:40:00Z', {
          level: 1,
          users: [{ userId: 'u1' }, { userId: 'u2' }],
        }),
        event(5, 'note_added', '2026-03-29T00:41:00Z', { text: 'looking' }),
        event(6, 'escalation_level_paged', '2026-03-29T00:50:00Z', { level: 2, users: [], nobodyOnCall: true }),
        event(7, 'incident_acknowledged', '2026-03-29T00:52:00Z', { note: 'on it' }),
        event(8, 'severity_changed', '2026-03-29T00:53:00Z', { from: 'P2', to: 'P1', reason: 'all cards fail' }),
        event(9, 'run_started', '2026-03-29T00:55:00Z', { title: 'Checkout down' }),
        event(10, 'step_started', '2026-03-29T00:56:00Z', {
          executionId: 'e1',
          stepId: 's1',
          title: null,
          command: 'redis-cli ping\nredis-cli info',
        }),
        event(11, 'step_output', '2026-03-29T00:56:01Z', { executionId: 'e1', text: 'PONG' }),
        event(
          12,
          'step_finished',
          '2026-03-29T00:56:02Z',
          { executionId: 'e1', stepId: 's1', status: 'succeeded', exitCode: 0 },
          'astreinte',
        ),
        event(13, 'step_checked', '2026-03-29T00:58:00Z', {
          stepId: 's2',
          title: 'Check the dashboard',
          note: 'green',
        }),
        event(14, 'run_ended', '2026-03-29T00:59:00Z', { outcome: 'verified', note: null }),
        event(15, 'incident_mitigated', '2026-03-29T01:00:00Z'),
        event(16, 'status_update_posted', '2026-03-29T01:01:00Z', { message: 'fixed' }),
        event(17, 'incident_resolved', '2026-03-29T01:30:00Z', { note: 'all its alerts resolved' }, 'prom'),
      ],
      new Map([
        ['u1', 'Camille'],
        ['u2', 'Noah'],
      ]),
    );
    expect(moments.map((moment) => [moment.seq, moment.kind, moment.text])).toEqual([
      [1, 'declared', 'Incident declared by prom (P1): Checkout down'],
      [2, 'alert', 'Alert fired: CheckoutDown (checkout)'],
      [4, 'escalated', 'Escalation level 1 paged: Camille, Noah'],
      [6, 'escalated', 'Escalation level 2: nobody to page'],
      [7, 'acknowledged', 'Acknowledged by Camille: on it'],
      [8, 'severity', 'Severity P2 → P1 (Camille): all cards fail'],
      [9, 'run', 'Runbook "Checkout down" started by Camille'],
      [12, 'step', 'Step "redis-cli ping" run by Camille: succeeded, exit 0'],
      [13, 'step', 'Step "Check the dashboard" done by Camille: green'],
      [14, 'run', 'Runbook run ended: verified'],
      [15, 'mitigated', 'Mitigated by Camille'],
      [17, 'resolved', 'Resolved by prom: all its alerts resolved'],
    ]);
    expect(moments[0]!.at).toBe('2026-03-29T00:40:00.000Z');
  });

  it('lists the first five alerts and counts the rest in one moment', () => {
    const storm = Array.from({ length: 12 }, (_, index) =>
      event(index + 1, 'alert_fired', '2026-03-29T00:40:00Z', { title: `Disk ${index + 1}` }, 'prom'),
    );
    const moments = condenseTimeline(storm);
    expect(moments.map((moment) => moment.text)).toEqual([
      'Alert fired: Disk 1',
      'Alert fired: Disk 2',
      'Alert fired: Disk 3',
      'Alert fired: Disk 4',
      'Alert fired: Disk 5',
      '7 more alerts fired',
    ]);
  });
});
