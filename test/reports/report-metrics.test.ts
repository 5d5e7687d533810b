import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createHttpMetrics } from '../../src/http/metrics.js';
import { registerReportMetrics } from '../../src/reports/report-metrics.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

describe.each(testBackends)('report gauges for Prometheus on $backend', ({ backend, available }) => {
  let clock = new Date('2026-07-01T00:00:00Z');
  const t = useTestApp(backend, available, { now: () => clock });
  const at = (iso: string, seconds = 0): Date => new Date(Date.parse(iso) + seconds * 1000);
  const act = async (path: string, when: Date, body: unknown = {}) => {
    clock = when;
    const response = await t.call('POST', path, { body });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json();
  };
  const sample = (text: string, name: string, labels: string): number | undefined => {
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}{${labels}} `));
    return line === undefined ? undefined : Number(line.split(' ')[1]);
  };

  it.skipIf(!available)(
    'exports MTTA, MTTR (mean, p50, p90), counts and the within-target ratio of the last 30 days, at most one query a minute',
    async () => {
      const specs = [
        { severity: 'P1', detected: '2026-06-20T10:00:00Z', ack: 60, resolve: 1800 },
        { severity: 'P1', detected: '2026-06-21T10:00:00Z', ack: 180, resolve: 5400 },
        { severity: 'P2', detected: '2026-06-22T10:00:00Z', ack: 300, resolve: null },
        // Older than 30 days at the scrape: left out.
        { severity: 'P1', detected: '2026-05-01T10:00:00Z', ack: 5, resolve: 10 },
      ];
      for (const spec of specs) {
        const incident = await act('/api/v1/incidents', new Date(spec.detected), {
          title: spec.detected,
          severity: spec.severity,
        });
        await act(`/api/v1/incidents/${incident.id}/acknowledge`, at(spec.detected, spec.ack));
        if (spec.resolve !== null)
          await act(`/api/v1/incidents/${incident.id}/resolve`, at(spec.detected, spec.resolve));
      }
      const registry = new Registry();
      registerReportMetrics(registry, t.db, () => clock);
      clock = new Date('2026-06-30T00:00:00Z');
      const text = await registry.metrics();
      expect(sample(text, 'astreinte_mtta_seconds', 'severity="P1",statistic="mean"')).toBe(120);
      expect(sample(text, 'astreinte_mtta_seconds', 'severity="P1",statistic="p50"')).toBe(120);
      expect(sample(text, 'astreinte_mtta_seconds', 'severity="P1",statistic="p90"')).toBe(168);
      expect(sample(text, 'astreinte_mttr_seconds', 'severity="P1",statistic="mean"')).toBe(3600);
      expect(sample(text, 'astreinte_mttr_seconds', 'severity="P1",statistic="p90"')).toBe(5040);
      expect(sample(text, 'astreinte_mtta_seconds', 'severity="P2",statistic="mean"')).toBe(300);
      expect(sample(text, 'astreinte_mttr_seconds', 'severity="P2",statistic="mean"')).toBeUndefined();
      expect(sample(text, 'astreinte_incidents_last_30_days', 'severity="P1"')).toBe(2);
      expect(sample(text, 'astreinte_incidents_last_30_days', 'severity="P3"')).toBe(0);
      expect(sample(text, 'astreinte_incidents_resolved_within_target_ratio', 'severity="P1"')).toBe(0.5);
      // P2 open for 8 days against a 4-hour target: missed.
      expect(sample(text, 'astreinte_incidents_resolved_within_target_ratio', 'severity="P2"')).toBe(0);
      expect(sample(text, 'astreinte_incidents_resolved_within_target_ratio', 'severity="P3"')).toBeUndefined();

      const added = await act('/api/v1/incidents', new Date('2026-06-30T00:00:10Z'), { title: 'new', severity: 'P1' });
      clock = new Date('2026-06-30T00:00:30Z');
      expect(sample(await registry.metrics(), 'astreinte_incidents_last_30_days', 'severity="P1"')).toBe(2);
      clock = new Date('2026-06-30T00:01:01Z');
      expect(sample(await registry.metrics(), 'astreinte_incidents_last_30_days', 'severity="P1"')).toBe(3);
      expect(added.id).toMatch(/^INC-/);
    },
  );

  it.skipIf(!available)("sits in the server's registry next to its own metrics, no name taken twice", async () => {
    const metrics = createHttpMetrics(t.db);
    registerReportMetrics(metrics.registry, t.db, () => clock);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^astreinte_incidents_open\{severity="P1"\} \d+$/m);
    expect(text).toMatch(/^astreinte_incidents_last_30_days\{severity="P1"\} \d+$/m);
    expect(text).toMatch(/^# TYPE astreinte_mttr_seconds gauge$/m);
  });
});
