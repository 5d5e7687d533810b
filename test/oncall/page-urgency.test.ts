import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';
import { startRecordingServer, type RecordingServer } from '../support/recording-server.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

describe.each(testBackends)('pages follow the rules of their urgency on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, { config: { secretKey: 'ef'.repeat(32) }, loops: ['timers'] });
  let hook: RecordingServer;

  beforeAll(async () => {
    hook = await startRecordingServer();
    if (!available) return;
    await t.call('PUT', '/api/v1/notification-channels/urgency-hook', {
      body: { name: 'Hook', config: { kind: 'webhook', url: `${hook.url}/hook`, secret: 'a-secret-of-some-length' } },
    });
    const person = t.users.responder;
    // Rule 0 is for high pages, rule 1 for low ones; rule 2, saved without an urgency as before
    // urgencies existed, is for both.
    const saved = await t.call('PUT', `/api/v1/users/${person.id}/notification-rules`, {
      token: person.token,
      body: {
        rules: [
          { channel: 'webhook', delayMinutes: 0, urgency: 'high' },
          { channel: 'webhook', delayMinutes: 0, urgency: 'low' },
          { channel: 'webhook', delayMinutes: 30 },
        ],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await t.call('PUT', '/api/v1/escalation-policies/urgency', {
      body: { name: 'urgency', levels: [{ delayMinutes: 0, targets: [{ type: 'user', id: person.id }] }] },
    });
    await t.call('POST', '/api/v1/services', { body: { id: 'urgency', name: 'Urgency' } });
    await t.call('PUT', '/api/v1/services/urgency/escalation-policy', { body: { policyId: 'urgency' } });
  });
  afterAll(async () => {
    await hook.close();
  });

  /** The places, in the person's list, of the rules a new incident of this severity paged through. */
  async function rulesPagedFor(severity: string): Promise<{ rules: number[]; urgency: unknown }> {
    const declared = await t.call('POST', '/api/v1/incidents', {
      body: { title: `Urgency ${severity}`, services: ['urgency'], severity },
    });
    expect(declared.statusCode, declared.body).toBe(201);
    const incidentId = declared.json<{ id: string }>().id;
    const paged = await eventually('the level paged', async () => {
      const { rows } = await t.db.query<{ payload: { urgency?: string } }>(
        `SELECT payload FROM incident_events WHERE incident_id = $1 AND type = 'escalation_level_paged'`,
        [incidentId],
      );
      return rows[0]?.payload ?? null;
    });
    const { rows } = await t.db.query<{ id: string }>(
      `SELECT id FROM notification_deliveries WHERE incident_id = $1 AND kind = 'page' ORDER BY id`,
      [incidentId],
    );
    return { rules: rows.map((row) => Number(row.id.split('.').at(-1))), urgency: paged.urgency };
  }

  it.skipIf(!available)('pages a P4 incident through the low and any rules only, saying it was low', async () => {
    expect(await rulesPagedFor('P4')).toEqual({ rules: [1, 2], urgency: 'low' });
  });

  it.skipIf(!available)('pages a P1 incident through the high and any rules only, saying it was high', async () => {
    expect(await rulesPagedFor('P1')).toEqual({ rules: [0, 2], urgency: 'high' });
  });

  it.skipIf(!available)('pages a P3 incident as low, like a P4: P1 and P2 are the high ones', async () => {
    expect(await rulesPagedFor('P3')).toEqual({ rules: [1, 2], urgency: 'low' });
  });

  it.skipIf(!available)('refuses a rule for an urgency that does not exist, naming the field', async () => {
    const person = t.users.responder;
    const response = await t.call('PUT', `/api/v1/users/${person.id}/notification-rules`, {
      token: person.token,
      body: { rules: [{ channel: 'webhook', delayMinutes: 0, urgency: 'urgent' }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('/rules/0/urgency');
  });
});
