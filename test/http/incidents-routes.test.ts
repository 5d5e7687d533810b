import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

describe.each(testBackends)('incident lifecycle over HTTP on $backend', ({ backend, available }) => {
  let t: TestApp;
  beforeAll(async () => {
    if (available) t = await createTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it.skipIf(!available)('declares, acknowledges, mitigates and resolves an incident', async () => {
    const declared = await t.call('POST', '/api/v1/incidents', { body: { title: 'OSRM down', severity: 'P1' } });
    expect(declared.statusCode).toBe(201);
    const incident = declared.json();
    expect(incident.id).toMatch(/^INC-\d+$/);
    expect(incident.status).toBe('triggered');
    for (const [action, status] of [['acknowledge', 'acknowledged'], ['mitigate', 'mitigated'], ['resolve', 'resolved']] as const) {
      const response = await t.call('POST', `/api/v1/incidents/${incident.id}/${action}`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().status).toBe(status);
    }
    const refused = await t.call('POST', `/api/v1/incidents/${incident.id}/acknowledge`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().details.allowedNextStates).toEqual(['triggered']);
    const verification = await t.call('GET', `/api/v1/incidents/${incident.id}/timeline/verification`);
    expect(verification.json()).toMatchObject({ consistent: true, events: 4 });
  });
});
