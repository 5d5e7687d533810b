import { describe, expect, it } from 'vitest';
import { createIntegration } from '../support/alert-support.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

interface Spec {
  title: string;
  severity: 'P1' | 'P2' | 'P3' | 'P4';
  services?: string[];
  detectedAt: string;
  /** Seconds after detection. */
  ackAfter?: number;
  resolveAfter?: number;
}

const plus = (iso: string, seconds: number): Date => new Date(Date.parse(iso) + seconds * 1000);

describe.each(testBackends)('reports API on $backend', ({ backend, available }) => {
  // Every write goes through the API at a controlled instant: the figures below are exact.
  let clock = new Date('2026-03-31T10:00:00Z');
  const t = useTestApp(backend, available, { now: () => clock });
  const get = async (path: string, token?: string) => {
    const response = await t.call('GET', path, { token: token ?? t.users.viewer.token });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const post = async (path: string, body: unknown, at: Date) => {
    clock = at;
    const response = await t.call('POST', path, { token: t.users.responder.token, body });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json();
  };
  const play = async (spec: Spec): Promise<string> => {
    const incident = await post(
      '/api/v1/incidents',
      { title: spec.title, severity: spec.severity, services: spec.services ?? [] },
      new Date(spec.detectedAt),
    );
    if (spec.ackAfter !== undefined)
      await post(`/api/v1/incidents/${incident.id}/acknowledge`, {}, plus(spec.detectedAt, spec.ackAfter));
    if (spec.resolveAfter !== undefined)
      await post(`/api/v1/incidents/${incident.id}/resolve`, {}, plus(spec.detectedAt, spec.resolveAfter));
    return incident.id as string;
  };
  let catalogue = false;
  const ensureCatalogue = async () => {
    if (catalogue) return;
    catalogue = true;
    for (const team of [
      { id: 'payments', name: 'Payments' },
      { id: 'discovery', name: 'Discovery' },
    ])
      expect((await t.call('POST', '/api/v1/teams', { body: team })).statusCode).toBe(201);
    for (const service of [
      { id: 'pay', name: 'Pay', ownerTeamId: 'payments' },
      { id: 'search', name: 'Search', ownerTeamId: 'discovery' },
      { id: 'web', name: 'Web', ownerTeamId: 'payments' },
    ]) {
      expect((await t.call('POST', '/api/v1/services', { body: service })).statusCode).toBe(201);
    }
  };

  describe('response times and target compliance over March 2026', () => {
    const march = 'from=2026-03-01&to=2026-04-01';
    let loaded = false;
    const load = async () => {
      if (loaded) return;
      loaded = true;
      await ensureCatalogue();
      await play({
        title: 'one',
        severity: 'P1',
        services: ['pay'],
        detectedAt: '2026-03-02T10:00:00Z',
        ackAfter: 60,
        resolveAfter: 1800,
      });
      await play({
        title: 'two',
        severity: 'P1',
        services: ['pay', 'search'],
        detectedAt: '2026-03-03T10:00:00Z',
        ackAfter: 180,
        resolveAfter: 5400,
      });
      // Resolved at exactly its 60-minute target: within, as `overdue` says.
      await play({
        title: 'three',
        severity: 'P1',
        services: ['web'],
        detectedAt: '2026-03-04T10:00:00Z',
        ackAfter: 120,
        resolveAfter: 3600,
      });
      await play({
        title: 'four',
        severity: 'P2',
        services: ['search'],
        detectedAt: '2026-03-05T10:00:00Z',
        ackAfter: 600,
      });
      await play({ title: 'five', severity: 'P3', detectedAt: '2026-03-06T10:00:00Z', resolveAfter: 7200 });
      await play({
        title: 'six',
        severity: 'P4',
        services: ['pay'],
        detectedAt: '2026-03-07T10:00:00Z',
        ackAfter: 30,
        resolveAfter: 86_400,
      });
      await play({ title: 'seven', severity: 'P2', services: ['web'], detectedAt: '2026-03-31T09:00:00Z' });
      clock = new Date('2026-03-31T10:00:00Z');
    };
    const stats = (
      count: number,
      meanSeconds: number | null,
      p50Seconds: number | null = meanSeconds,
      p90Seconds: number | null = p50Seconds,
    ) => ({ count, meanSeconds, p50Seconds, p90Seconds });
    const none = stats(0, null);

    it.skipIf(!available)('gives MTTA and MTTR by severity with means, p50, p90 and counts, and overall', async () => {
      await load();
      const report = await get(`/api/v1/reports/response-times?${march}&groupBy=severity`);
      expect(report.period).toEqual({
        from: '2026-03-01T00:00:00.000Z',
        to: '2026-04-01T00:00:00.000Z',
        timeZone: 'UTC',
      });
      expect(report.groups).toEqual([
        { key: 'P1', name: 'Critical', incidents: 3, mtta: stats(3, 120, 120, 168), mttr: stats(3, 3600, 3600, 5040) },
        { key: 'P2', name: 'High', incidents: 2, mtta: stats(1, 600), mttr: none },
        { key: 'P3', name: 'Moderate', incidents: 1, mtta: none, mttr: stats(1, 7200) },
        { key: 'P4', name: 'Low', incidents: 1, mtta: stats(1, 30), mttr: stats(1, 86_400) },
      ]);
      expect(report.overall).toEqual({
        incidents: 7,
        mtta: stats(5, 198, 120, 432),
        mttr: stats(5, 20_880, 5400, 54_720),
      });
    });

    it.skipIf(!available)(
      'gives them by service (an incident counts for each of its services) and by owning team',
      async () => {
        await load();
        const byService = await get(`/api/v1/reports/response-times?${march}&groupBy=service`);
        expect(byService.groups).toEqual([
          { key: 'pay', name: 'Pay', incidents: 3, mtta: stats(3, 90, 60, 156), mttr: stats(3, 31_200, 5400, 70_200) },
          { key: 'search', name: 'Search', incidents: 2, mtta: stats(2, 390, 390, 558), mttr: stats(1, 5400) },
          { key: 'web', name: 'Web', incidents: 2, mtta: stats(1, 120), mttr: stats(1, 3600) },
          { key: null, name: null, incidents: 1, mtta: none, mttr: stats(1, 7200) },
        ]);
        expect(byService.overall.incidents).toBe(7);
        const byTeam = await get(`/api/v1/reports/response-times?${march}&groupBy=team`);
        expect(byTeam.groups).toEqual([
          { key: 'discovery', name: 'Discovery', incidents: 2, mtta: stats(2, 390, 390, 558), mttr: stats(1, 5400) },
          {
            key: 'payments',
            name: 'Payments',
            incidents: 5,
            mtta: stats(4, 97.5, 90, 162),
            mttr: stats(4, 24_300, 4500, 62_100),
          },
          { key: null, name: null, incidents: 1, mtta: none, mttr: stats(1, 7200) },
        ]);
      },
    );

    it.skipIf(!available)(
      'gives the share resolved within target: late and overdue-open missed, open within target pending',
      async () => {
        await load();
        const report = await get(`/api/v1/reports/target-compliance?${march}`);
        const counts = (
          incidents: number,
          withoutTarget: number,
          withinTarget: number,
          missedTarget: number,
          pending: number,
          withinTargetRatio: number | null,
        ) => ({ incidents, withoutTarget, withinTarget, missedTarget, pending, withinTargetRatio });
        expect(report.groups).toEqual([
          { key: 'P1', name: 'Critical', ...counts(3, 0, 2, 1, 0, 0.6667) },
          { key: 'P2', name: 'High', ...counts(2, 0, 0, 1, 1, 0) },
          { key: 'P3', name: 'Moderate', ...counts(1, 0, 1, 0, 0, 1) },
          { key: 'P4', name: 'Low', ...counts(1, 1, 0, 0, 0, null) },
        ]);
        expect(report.overall).toEqual(counts(7, 1, 3, 2, 1, 0.6));
        const byTeam = await get(`/api/v1/reports/target-compliance?${march}&groupBy=team`);
        expect(
          byTeam.groups.map((group: { key: string | null; withinTarget: number; missedTarget: number }) => [
            group.key,
            group.withinTarget,
            group.missedTarget,
          ]),
        ).toEqual([
          ['discovery', 0, 2],
          ['payments', 2, 1],
          [null, 1, 0],
        ]);
      },
    );

    it.skipIf(!available)(
      'measures a reopened incident to its first acknowledgment and its last resolution',
      async () => {
        const id = await play({
          title: 'flappy',
          severity: 'P3',
          detectedAt: '2026-02-10T08:00:00Z',
          ackAfter: 100,
          resolveAfter: 1000,
        });
        await post(`/api/v1/incidents/${id}/reopen`, {}, plus('2026-02-10T08:00:00Z', 2000));
        await post(`/api/v1/incidents/${id}/acknowledge`, {}, plus('2026-02-10T08:00:00Z', 3000));
        await post(`/api/v1/incidents/${id}/resolve`, {}, plus('2026-02-10T08:00:00Z', 4000));
        const report = await get('/api/v1/reports/response-times?from=2026-02-01&to=2026-03-01');
        expect(report.overall).toEqual({ incidents: 1, mtta: stats(1, 100), mttr: stats(1, 4000) });
      },
    );
  });

  describe('weeks and days cut in a time zone', () => {
    // Paris is UTC+2 until 01:00 UTC on Sunday 25 October 2026, UTC+1 after.
    let loaded = false;
    const load = async () => {
      if (loaded) return;
      loaded = true;
      await ensureCatalogue();
      // Sunday 18 Oct in UTC, Monday 19 Oct 00:30 in Paris.
      await play({ title: 'w1', severity: 'P3', detectedAt: '2026-10-18T22:30:00Z' });
      // Sunday 25 Oct in UTC, Monday 26 Oct 00:30 in Paris (after the change).
      await play({ title: 'w2', severity: 'P2', detectedAt: '2026-10-25T23:30:00Z' });
      // Sunday 25 Oct 23:30 in Paris: a fixed +2 h offset would have put it on Monday.
      await play({
        title: 'w3',
        severity: 'P2',
        services: ['pay'],
        detectedAt: '2026-10-25T22:30:00Z',
        resolveAfter: 600,
      });
      await play({
        title: 'w4',
        severity: 'P1',
        services: ['pay', 'search'],
        detectedAt: '2026-10-21T12:00:00Z',
        ackAfter: 60,
        resolveAfter: 1200,
      });
    };

    it.skipIf(!available)(
      'counts incidents per week from Monday in Paris, not in UTC, with the 169-hour week of the autumn change',
      async () => {
        await load();
        clock = new Date('2026-11-10T12:00:00Z');
        const paris = await get(
          '/api/v1/reports/incidents-per-week?from=2026-10-12&to=2026-11-02&timeZone=Europe/Paris',
        );
        expect(paris.period).toEqual({
          from: '2026-10-11T22:00:00.000Z',
          to: '2026-11-01T23:00:00.000Z',
          timeZone: 'Europe/Paris',
        });
        expect(paris.weeks).toEqual([
          {
            date: '2026-10-12',
            start: '2026-10-11T22:00:00.000Z',
            end: '2026-10-18T22:00:00.000Z',
            partial: false,
            hours: 168,
            incidents: 0,
            bySeverity: { P1: 0, P2: 0, P3: 0, P4: 0 },
            resolved: 0,
          },
          {
            date: '2026-10-19',
            start: '2026-10-18T22:00:00.000Z',
            end: '2026-10-25T23:00:00.000Z',
            partial: false,
            hours: 169,
            incidents: 3,
            bySeverity: { P1: 1, P2: 1, P3: 1, P4: 0 },
            resolved: 2,
          },
          {
            date: '2026-10-26',
            start: '2026-10-25T23:00:00.000Z',
            end: '2026-11-01T23:00:00.000Z',
            partial: false,
            hours: 168,
            incidents: 1,
            bySeverity: { P1: 0, P2: 1, P3: 0, P4: 0 },
            resolved: 0,
          },
        ]);
        expect(paris.total).toBe(4);
        const utc = await get('/api/v1/reports/incidents-per-week?from=2026-10-12&to=2026-11-02');
        expect(
          utc.weeks.map((week: { date: string; incidents: number; hours: number }) => [
            week.date,
            week.incidents,
            week.hours,
          ]),
        ).toEqual([
          ['2026-10-12', 1, 168],
          ['2026-10-19', 3, 168],
          ['2026-10-26', 0, 168],
        ]);
      },
    );

    it.skipIf(!available)(
      'cuts the first and last weeks to the period and marks them partial; the spring week is 167 hours',
      async () => {
        clock = new Date('2026-11-10T12:00:00Z');
        const report = await get(
          '/api/v1/reports/incidents-per-week?from=2026-03-25T12:00:00%2B01:00&to=2026-04-01&timeZone=Europe/Paris',
        );
        expect(
          report.weeks.map((week: { date: string; start: string; end: string; partial: boolean; hours: number }) => [
            week.date,
            week.start,
            week.end,
            week.partial,
            week.hours,
          ]),
        ).toEqual([
          ['2026-03-23', '2026-03-25T11:00:00.000Z', '2026-03-29T22:00:00.000Z', true, 167],
          ['2026-03-30', '2026-03-29T22:00:00.000Z', '2026-03-31T22:00:00.000Z', true, 168],
        ]);
      },
    );

    it.skipIf(!available)(
      'gives the health trend per local day and service, with the 25-hour day, uptime from probes and MTTR',
      async () => {
        await load();
        const { rows } = await t.db.query<{ id: string }>(
          `INSERT INTO probes (name, kind, service_id, target, conditions, severity, interval_seconds, retry_interval_seconds, timeout_ms, retries,
                             for_seconds, keep_firing_for_seconds, enabled, created_at, updated_at, next_run_at)
         VALUES ('pay-health', 'http', 'pay', '{"url":"http://127.0.0.1:1/health"}', '[]', 'P2', 60, 60, 1000, 0, 0, 0, false, now(), now(), now()) RETURNING id`,
        );
        const hourly = [
          ['2026-10-24T21:00:00Z', 60, 0],
          ['2026-10-25T00:00:00Z', 60, 6],
          ['2026-10-25T23:00:00Z', 40, 10],
        ] as const;
        for (const [hour, checks, failures] of hourly) {
          await t.db.query(
            `INSERT INTO probe_hourly (probe_id, hour, checks, failures, latency_sum, latency_max) VALUES ($1, $2, $3, $4, 0, 0)`,
            [rows[0]!.id, new Date(hour), checks, failures],
          );
        }
        clock = new Date('2026-10-27T10:00:00Z');
        const report = await get('/api/v1/reports/health-trends?days=7&timeZone=Europe/Paris');
        expect(report.period).toEqual({
          from: '2026-10-20T22:00:00.000Z',
          to: '2026-10-27T10:00:00.000Z',
          timeZone: 'Europe/Paris',
        });
        expect(
          report.days.map((day: { date: string; hours: number; partial: boolean }) => [
            day.date,
            day.hours,
            day.partial,
          ]),
        ).toEqual([
          ['2026-10-21', 24, false],
          ['2026-10-22', 24, false],
          ['2026-10-23', 24, false],
          ['2026-10-24', 24, false],
          ['2026-10-25', 25, false],
          ['2026-10-26', 24, false],
          ['2026-10-27', 24, true],
        ]);
        const pay = report.services.find((service: { serviceId: string }) => service.serviceId === 'pay').days;
        const figures = (
          incidents: number,
          resolved: number,
          mttrSeconds: number | null,
          checks: number,
          failures: number,
          uptimePercent: number | null,
        ) => ({ incidents, resolved, mttrSeconds, alerts: 0, checks, failures, uptimePercent });
        expect(pay).toEqual([
          { date: '2026-10-21', ...figures(1, 1, 1200, 0, 0, null) },
          { date: '2026-10-22', ...figures(0, 0, null, 0, 0, null) },
          { date: '2026-10-23', ...figures(0, 0, null, 0, 0, null) },
          { date: '2026-10-24', ...figures(0, 0, null, 60, 0, 100) },
          { date: '2026-10-25', ...figures(1, 1, 600, 60, 6, 90) },
          { date: '2026-10-26', ...figures(0, 0, null, 40, 10, 75) },
          { date: '2026-10-27', ...figures(0, 0, null, 0, 0, null) },
        ]);
        expect(report.overall.map((day: { incidents: number }) => day.incidents)).toEqual([1, 0, 0, 0, 1, 1, 0]);
        expect(
          report.services.find((service: { serviceId: string }) => service.serviceId === 'search').days[0],
        ).toMatchObject({ incidents: 1, mttrSeconds: 1200 });
        const utc = await get('/api/v1/reports/health-trends?days=3');
        expect(utc.days.map((day: { date: string }) => day.date)).toEqual(['2026-10-25', '2026-10-26', '2026-10-27']);
        expect(
          utc.services.find((service: { serviceId: string }) => service.serviceId === 'pay').days[0],
        ).toMatchObject({ incidents: 1, checks: 100, failures: 16, uptimePercent: 84 });
      },
    );
  });

  it.skipIf(!available)('ranks the alerts that never led to action, and counts alert volume per week', async () => {
    const { key } = await createIntegration(t, { name: 'pd-noise', kind: 'pagerduty' });
    const send = async (body: Record<string, unknown>, at: string) => {
      clock = new Date(at);
      const response = await t.app.inject({
        method: 'POST',
        url: '/v2/enqueue',
        payload: { routing_key: key, ...body },
      });
      expect(response.statusCode, response.body).toBe(202);
    };
    const trigger = (dedup: string, summary: string, at: string) =>
      send(
        { event_action: 'trigger', dedup_key: dedup, payload: { summary, source: 'host-1', severity: 'warning' } },
        at,
      );
    const resolve = (dedup: string, at: string) => send({ event_action: 'resolve', dedup_key: dedup }, at);
    const incidentOf = async (dedup: string) =>
      (await t.db.query<{ incident_id: string }>('SELECT incident_id FROM alerts WHERE fingerprint = $1', [dedup]))
        .rows[0]!.incident_id;
    // Disk: twice, resolved by itself, nobody looked: noise.
    await trigger('disk-1', 'Disk almost full', '2026-06-01T08:00:00Z');
    await trigger('disk-1', 'Disk almost full', '2026-06-01T08:05:00Z');
    await resolve('disk-1', '2026-06-01T08:20:00Z');
    await trigger('disk-2', 'Disk almost full', '2026-06-02T08:00:00Z');
    await resolve('disk-2', '2026-06-02T08:30:00Z');
    // Checkout: acknowledged then resolved by itself with nothing done (noise); acknowledged with a note (action).
    await trigger('co-1', 'Checkout errors', '2026-06-03T09:00:00Z');
    await post(`/api/v1/incidents/${await incidentOf('co-1')}/acknowledge`, {}, new Date('2026-06-03T09:01:00Z'));
    await resolve('co-1', '2026-06-03T09:10:00Z');
    await trigger('co-2', 'Checkout errors', '2026-06-04T09:00:00Z');
    await post(
      `/api/v1/incidents/${await incidentOf('co-2')}/notes`,
      { text: 'rolled back the deploy' },
      new Date('2026-06-04T09:02:00Z'),
    );
    await resolve('co-2', '2026-06-04T09:15:00Z');
    // Queue: acknowledged and resolved by a person: action. Cert: open, nobody acknowledged: noise so far.
    await trigger('q-1', 'Queue lag', '2026-06-05T10:00:00Z');
    await post(`/api/v1/incidents/${await incidentOf('q-1')}/acknowledge`, {}, new Date('2026-06-05T10:01:00Z'));
    await post(`/api/v1/incidents/${await incidentOf('q-1')}/resolve`, {}, new Date('2026-06-05T10:30:00Z'));
    await trigger('cert-1', 'Cert expiry', '2026-06-08T10:00:00Z');
    // Muted by a silence: stored, no incident.
    await t.db.query(
      `INSERT INTO alerts (integration_id, fingerprint, status, title, severity, labels, annotations, starts_at, first_seen_at, last_seen_at, group_key, suppressed)
       SELECT id, 'muted-1', 'firing', 'Muted thing', 'P4', '{}', '{}', $1, $1, $1, 'muted', '{"silences":["s"]}' FROM integrations WHERE name = 'pd-noise'`,
      [new Date('2026-06-08T11:00:00Z')],
    );
    clock = new Date('2026-06-20T00:00:00Z');
    const report = await get('/api/v1/reports/alert-noise?from=2026-06-01&to=2026-06-15');
    expect(report.volume).toEqual({
      alerts: 7,
      events: 8,
      suppressed: 1,
      withIncident: 6,
      withoutAction: 5,
      withoutActionRatio: 0.7143,
    });
    expect(
      report.weeks.map((week: { date: string; alerts: number; withoutAction: number }) => [
        week.date,
        week.alerts,
        week.withoutAction,
      ]),
    ).toEqual([
      ['2026-06-01', 5, 3],
      ['2026-06-08', 2, 2],
    ]);
    expect(
      report.noisiest.map((row: Record<string, unknown>) => [
        row['name'],
        row['alerts'],
        row['events'],
        row['fingerprints'],
        row['incidents'],
        row['withoutAction'],
        row['withoutActionRatio'],
      ]),
    ).toEqual([
      ['Disk almost full', 2, 3, 2, 2, 2, 1],
      ['Checkout errors', 2, 2, 2, 2, 1, 0.5],
      ['Cert expiry', 1, 1, 1, 1, 1, 1],
      ['Muted thing', 1, 1, 1, 0, 1, 1],
      ['Queue lag', 1, 1, 1, 1, 0, 0],
    ]);
    const byFingerprint = await get('/api/v1/reports/alert-noise?from=2026-06-01&to=2026-06-15&by=fingerprint&limit=3');
    // Ties (one episode, one event, no action) go by name, then fingerprint.
    expect(
      byFingerprint.noisiest.map((row: { name: string; fingerprint: string; events: number }) => [
        row.name,
        row.fingerprint,
        row.events,
      ]),
    ).toEqual([
      ['Disk almost full', 'disk-1', 2],
      ['Cert expiry', 'cert-1', 1],
      ['Checkout errors', 'co-1', 1],
    ]);
  });

  it.skipIf(!available)(
    'ranks runbooks by use with their success rate (verified / ended) and failing steps',
    async () => {
      const content =
        '# RUNBOOK: Cache down\n\n## Diagnosis\n\n```bash\nredis-cli ping\n```\n\n## Fix\n\n```bash\nredis-cli FLUSHALL\n```\n';
      const imported = await t.call('POST', '/api/v1/runbook-sources', { body: { filename: 'cache.md', content } });
      expect(imported.statusCode, imported.body).toBe(201);
      const runbookId = imported.json().runbooks[0].id as string;
      const other = await t.call('POST', '/api/v1/runbook-sources', {
        body: { filename: 'db.md', content: content.replace('Cache down', 'Database slow') },
      });
      const otherId = other.json().runbooks[0].id as string;
      const incident = await post(
        '/api/v1/incidents',
        { title: 'cache', severity: 'P2' },
        new Date('2026-08-03T08:00:00Z'),
      );
      const start = (id: string, at: string, incidentId?: string) =>
        post('/api/v1/runs', { runbookId: id, ...(incidentId === undefined ? {} : { incidentId }) }, new Date(at));
      const end = (runId: string, outcome: string, at: string) =>
        post(`/api/v1/runs/${runId}/end`, { outcome }, new Date(at));
      const runs = [
        await start(runbookId, '2026-08-03T08:01:00Z', incident.id),
        await start(runbookId, '2026-08-03T09:00:00Z', incident.id),
        await start(runbookId, '2026-08-04T09:00:00Z'),
        await start(runbookId, '2026-08-05T09:00:00Z'),
        await start(otherId, '2026-08-05T10:00:00Z'),
      ];
      await end(runs[0].id, 'verified', '2026-08-03T08:11:00Z');
      await end(runs[1].id, 'failed', '2026-08-03T09:30:00Z');
      await end(runs[2].id, 'verified', '2026-08-04T09:30:00Z');
      const failures = [
        [runs[1].id, 'fix-1', 'failed'],
        [runs[1].id, 'fix-1', 'timed-out'],
        [runs[1].id, 'diag-1', 'succeeded'],
        [runs[2].id, 'diag-1', 'interrupted'],
        [runs[2].id, 'diag-1', 'succeeded'],
      ];
      let attempt = 0;
      for (const [runId, stepId, status] of failures) {
        await t.db.query(
          `INSERT INTO step_executions (run_id, step_id, attempt, status, requested_at, requested_by_type, requested_by_name) VALUES ($1, $2, $3, $4, $5, 'user', 'Test responder')`,
          [runId, stepId, ++attempt, status, new Date('2026-08-04T00:00:00Z')],
        );
      }
      clock = new Date('2026-08-20T00:00:00Z');
      const report = await get('/api/v1/reports/runbook-usage?from=2026-08-01&to=2026-08-15');
      expect(report.totalRuns).toBe(5);
      expect(report.runbooks).toEqual([
        {
          runbookId,
          title: 'Cache down',
          runs: 4,
          inIncidents: 2,
          incidents: 1,
          active: 1,
          verified: 2,
          failed: 1,
          abandoned: 0,
          ended: 3,
          successRate: 0.6667,
          medianVerifiedSeconds: 1200,
          stepExecutions: 5,
          stepsFailed: 3,
          failingSteps: [
            { stepId: 'fix-1', failures: 2 },
            { stepId: 'diag-1', failures: 1 },
          ],
        },
        {
          runbookId: otherId,
          title: 'Database slow',
          runs: 1,
          inIncidents: 0,
          incidents: 0,
          active: 1,
          verified: 0,
          failed: 0,
          abandoned: 0,
          ended: 0,
          successRate: null,
          medianVerifiedSeconds: null,
          stepExecutions: 0,
          stepsFailed: 0,
          failingSteps: [],
        },
      ]);
      const limited = await get('/api/v1/reports/runbook-usage?from=2026-08-01&to=2026-08-15&limit=1');
      expect(limited.runbooks.map((row: { runbookId: string }) => row.runbookId)).toEqual([runbookId]);
      expect(limited.totalRuns).toBe(5);
    },
  );

  it.skipIf(!available)(
    'refuses periods over 366 days, reversed periods, bad dates and unknown zones, naming the field; lets viewers read, not strangers',
    async () => {
      const cases: [string, string][] = [
        ['/api/v1/reports/response-times?from=2025-01-01&to=2026-01-03', '/querystring/to'],
        ['/api/v1/reports/incidents-per-week?from=2026-02-01&to=2026-01-01', '/querystring/to'],
        ['/api/v1/reports/target-compliance?from=yesterday', '/querystring/from'],
        ['/api/v1/reports/alert-noise?timeZone=Mars/Olympus', '/querystring/timeZone'],
        ['/api/v1/reports/health-trends?timeZone=Nowhere/Town', '/querystring/timeZone'],
        ['/api/v1/reports/health-trends?days=91', '/querystring/days'],
        ['/api/v1/reports/response-times?groupBy=planet', '/querystring/groupBy'],
      ];
      for (const [url, path] of cases) {
        const response = await t.call('GET', url, { token: t.users.viewer.token });
        expect(response.statusCode, url).toBe(400);
        expect(
          response.json().details.issues.map((issue: { path: string }) => issue.path),
          url,
        ).toContain(path);
      }
      expect((await t.call('GET', '/api/v1/reports/response-times?from=2025-01-01&to=2026-01-02')).statusCode).toBe(
        200,
      );
      expect((await t.call('GET', '/api/v1/reports/runbook-usage', { token: null })).statusCode).toBe(401);
      const defaults = await get('/api/v1/reports/incidents-per-week');
      expect(Date.parse(defaults.period.to) - Date.parse(defaults.period.from)).toBe(30 * 86_400_000);
      expect(defaults.period.to).toBe(clock.toISOString());
      // Thirty local days before 1 April in Paris is 2 March at midnight, across the spring change.
      const parisDefault = await get('/api/v1/reports/incidents-per-week?to=2026-04-01&timeZone=Europe/Paris');
      expect(parisDefault.period).toMatchObject({ from: '2026-03-01T23:00:00.000Z', to: '2026-03-31T22:00:00.000Z' });
      const openapi = (await t.call('GET', '/api/v1/openapi.json', { token: null })).json();
      for (const name of [
        'response-times',
        'incidents-per-week',
        'target-compliance',
        'alert-noise',
        'runbook-usage',
        'health-trends',
      ]) {
        expect(openapi.paths[`/api/v1/reports/${name}`].get.tags).toEqual(['reports']);
      }
    },
  );
});

describe.each(testBackends)('reports in the configured time zone on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, { config: { timeZone: 'Europe/Paris' } });

  it.skipIf(!available)(
    'cut days and weeks in ASTREINTE_TIME_ZONE when the request names no zone, and in the named one otherwise',
    async () => {
      const zoneOf = async (query: string) =>
        (await t.call('GET', `/api/v1/reports/incidents-per-week${query}`, { token: t.users.viewer.token })).json<{
          period: { timeZone: string };
        }>().period.timeZone;
      expect(await zoneOf('')).toBe('Europe/Paris');
      expect(await zoneOf('?timeZone=America/New_York')).toBe('America/New_York');
    },
  );
});
