import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

describe.each(testBackends)('severity policies API on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  it.skipIf(!available)('lists the four policies to any user, P1 first', async () => {
    const response = await t.call('GET', '/api/v1/severity-policies', { token: t.users.viewer.token });
    expect(response.statusCode, response.body).toBe(200);
    const policies = response.json();
    expect(policies.map((p: { severity: string }) => p.severity)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(policies[0]).toEqual({
      severity: 'P1',
      name: 'Critical',
      description: 'Service down or data at risk for many users',
      resolutionTargetMinutes: 60,
      statusUpdateMinutes: 15,
    });
    expect(policies[3]).toMatchObject({ severity: 'P4', resolutionTargetMinutes: null, statusUpdateMinutes: null });
  });

  it.skipIf(!available)('changes a P2 target and with it the due time and overdue state of a P2 incident', async () => {
    const fiveHoursAgo = new Date(Date.now() - 5 * 3600_000).toISOString();
    const incident = (
      await t.call('POST', '/api/v1/incidents', {
        body: { title: 'slow P2', severity: 'P2', detectedAt: fiveHoursAgo },
      })
    ).json();
    expect(incident.overdue).toBe(true);
    expect(Date.parse(incident.resolutionDueAt) - Date.parse(incident.detectedAt)).toBe(240 * 60_000);

    const changed = await t.call('PATCH', '/api/v1/severity-policies/P2', { body: { resolutionTargetMinutes: 600 } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({
      severity: 'P2',
      name: 'High',
      description: 'Major feature degraded, workaround hard',
      resolutionTargetMinutes: 600,
      statusUpdateMinutes: 30,
    });
    try {
      const after = (await t.call('GET', `/api/v1/incidents/${incident.id}`)).json();
      expect(after.overdue).toBe(false);
      expect(Date.parse(after.resolutionDueAt) - Date.parse(after.detectedAt)).toBe(600 * 60_000);
      const listed = (await t.call('GET', '/api/v1/severity-policies')).json();
      expect(listed[1].resolutionTargetMinutes).toBe(600);
    } finally {
      await t.call('PATCH', '/api/v1/severity-policies/P2', { body: { resolutionTargetMinutes: 240 } });
    }
  });

  it.skipIf(!available)('removes a resolution target with null, so nothing of that severity is overdue', async () => {
    const incident = (
      await t.call('POST', '/api/v1/incidents', {
        body: { title: 'old P3', severity: 'P3', detectedAt: '2020-01-01T00:00:00Z' },
      })
    ).json();
    expect(incident.overdue).toBe(true);
    const changed = await t.call('PATCH', '/api/v1/severity-policies/P3', {
      body: { resolutionTargetMinutes: null, name: 'Medium' },
    });
    try {
      expect(changed.json()).toMatchObject({
        severity: 'P3',
        name: 'Medium',
        resolutionTargetMinutes: null,
        statusUpdateMinutes: 120,
      });
      expect((await t.call('GET', `/api/v1/incidents/${incident.id}`)).json()).toMatchObject({
        overdue: false,
        resolutionDueAt: null,
      });
    } finally {
      await t.call('PATCH', '/api/v1/severity-policies/P3', {
        body: { resolutionTargetMinutes: 1440, name: 'Moderate' },
      });
    }
  });

  it.skipIf(!available)('names the failing field of an invalid change', async () => {
    const cases: [string, unknown, string][] = [
      ['P2', { resolutionTargetMinutes: 0 }, '/resolutionTargetMinutes'],
      ['P2', { statusUpdateMinutes: 'often' }, '/statusUpdateMinutes'],
      ['P2', { name: '' }, '/name'],
      ['P2', { severity: 'P1' }, '/severity'],
      ['P5', { name: 'Trivial' }, '/params/severity'],
    ];
    for (const [severity, body, path] of cases) {
      const response = await t.call('PATCH', `/api/v1/severity-policies/${severity}`, { body });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().details.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
  });

  it.skipIf(!available)('lets only admins change a policy, and audits the change', async () => {
    for (const role of ['viewer', 'responder'] as const) {
      const refused = await t.call('PATCH', '/api/v1/severity-policies/P1', {
        token: t.users[role].token,
        body: { resolutionTargetMinutes: 5 },
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().details).toEqual({ required: 'admin', actual: role });
    }
    expect((await t.call('GET', '/api/v1/severity-policies')).json()[0].resolutionTargetMinutes).toBe(60);
    await t.call('PATCH', '/api/v1/severity-policies/P4', { body: { description: 'No user impact at all' } });
    const audit = (await t.call('GET', '/api/v1/audit-log?targetType=severity_policy&targetId=P4')).json();
    expect(audit.items[0]).toMatchObject({
      action: 'severity_policy.update',
      actor: { id: t.users.admin.id },
      details: { description: 'No user impact at all' },
    });
  });
});
