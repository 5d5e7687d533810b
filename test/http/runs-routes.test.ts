import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

const runbook =
  '# RUNBOOK: Cache down\n\n## Symptoms\n- slow pages\n\n## Diagnosis\n\n```bash\nredis-cli ping\n```\n\n## Fix\n\n```bash\nredis-cli FLUSHALL\n```\n';

describe.each(testBackends)('runs API on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  async function importRunbook(): Promise<string> {
    const response = await t.call('POST', '/api/v1/runbook-sources', {
      body: { filename: 'cache.md', content: runbook },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().runbooks[0].id;
  }

  it.skipIf(!available)('starts a run within an incident and says so in its timeline', async () => {
    const runbookId = await importRunbook();
    const incident = (await t.call('POST', '/api/v1/incidents', { body: { title: 'cache' } })).json();
    const started = await t.call('POST', '/api/v1/runs', {
      token: t.users.responder.token,
      body: { runbookId, incidentId: incident.id },
    });
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json()).toMatchObject({
      runbookId,
      runbookVersion: 1,
      incidentId: incident.id,
      status: 'active',
      startedBy: 'Test responder',
      executions: [],
    });
    const shown = await t.call('GET', `/api/v1/runs/${started.json().id}`, { token: t.users.viewer.token });
    expect(shown.json()).toEqual(started.json());
    const timeline = (await t.call('GET', `/api/v1/incidents/${incident.id}/timeline`)).json();
    expect(timeline.at(-1)).toMatchObject({
      type: 'run_started',
      payload: { runId: started.json().id, runbookId, runbookVersion: 1, title: 'Cache down' },
    });
  });

  it.skipIf(!available)('starts a rehearsal without an incident', async () => {
    const runbookId = await importRunbook();
    const started = await t.call('POST', '/api/v1/runs', { body: { runbookId } });
    expect(started.statusCode).toBe(201);
    expect(started.json().incidentId).toBeNull();
  });

  it.skipIf(!available)(
    'refuses unknown runbooks, versions and incidents, resolved incidents, and viewers',
    async () => {
      const runbookId = await importRunbook();
      expect((await t.call('POST', '/api/v1/runs', { body: { runbookId: 'nope' } })).statusCode).toBe(404);
      expect((await t.call('POST', '/api/v1/runs', { body: { runbookId, version: 9 } })).statusCode).toBe(404);
      const unknown = await t.call('POST', '/api/v1/runs', { body: { runbookId, incidentId: 'INC-424242' } });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().details.issues[0].path).toBe('/incidentId');
      const incident = (await t.call('POST', '/api/v1/incidents', { body: { title: 'done' } })).json();
      await t.call('POST', `/api/v1/incidents/${incident.id}/resolve`);
      expect((await t.call('POST', '/api/v1/runs', { body: { runbookId, incidentId: incident.id } })).statusCode).toBe(
        400,
      );
      expect(
        (await t.call('POST', '/api/v1/runs', { token: t.users.viewer.token, body: { runbookId } })).statusCode,
      ).toBe(403);
      expect((await t.call('GET', '/api/v1/runs/not-a-uuid')).statusCode).toBe(404);
    },
  );

  it.skipIf(!available)('lists the runs of an incident, newest first, with their step executions', async () => {
    const runbookId = await importRunbook();
    const incident = (await t.call('POST', '/api/v1/incidents', { body: { title: 'cache' } })).json();
    const first = (await t.call('POST', '/api/v1/runs', { body: { runbookId, incidentId: incident.id } })).json();
    const skipped = await t.call('POST', `/api/v1/runs/${first.id}/steps/s1/outcome`, {
      body: { outcome: 'skipped', note: 'redis is down anyway' },
    });
    expect(skipped.statusCode, skipped.body).toBe(201);
    await t.call('POST', `/api/v1/runs/${first.id}/end`, { body: { outcome: 'abandoned' } });
    const second = (await t.call('POST', '/api/v1/runs', { body: { runbookId, incidentId: incident.id } })).json();
    await t.call('POST', '/api/v1/runs', { body: { runbookId } });

    const listed = await t.call('GET', `/api/v1/runs?incidentId=${incident.id}`, { token: t.users.viewer.token });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().map((run: { id: string }) => run.id)).toEqual([second.id, first.id]);
    expect(listed.json()[1].executions).toMatchObject([
      { stepId: 's1', status: 'skipped', reason: 'redis is down anyway' },
    ]);
    const active = (await t.call('GET', `/api/v1/runs?incidentId=${incident.id}&status=active`)).json();
    expect(active.map((run: { id: string }) => run.id)).toEqual([second.id]);
    expect((await t.call('GET', '/api/v1/runs?incidentId=INC-999999')).json()).toEqual([]);
    const bad = await t.call('GET', '/api/v1/runs?status=running');
    expect(bad.statusCode).toBe(400);
  });
});
