import { describe, expect, it } from 'vitest';
import { createTestApp, useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

describe.each(testBackends)('health, metrics and OpenAPI on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  it.skipIf(!available)('answers /healthz and /readyz without a token', async () => {
    expect((await t.call('GET', '/healthz', { token: null })).json()).toEqual({ status: 'ok' });
    expect((await t.call('GET', '/readyz', { token: null })).json()).toEqual({ status: 'ready', database: backend });
  });

  it.skipIf(!available)('exports request counts, latencies and open incidents by severity', async () => {
    await t.call('POST', '/api/v1/incidents', { body: { title: 'metric', severity: 'P1' } });
    await t.call('GET', '/api/v1/incidents');
    const response = await t.call('GET', '/metrics', { token: null });
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toMatch(
      /astreinte_http_requests_total\{method="GET",route="\/api\/v1\/incidents",status="200"\} 1/,
    );
    expect(response.body).toMatch(
      /astreinte_http_request_duration_seconds_bucket\{le="0\.005",method="POST",route="\/api\/v1\/incidents"\}/,
    );
    expect(response.body).toMatch(/astreinte_incidents_open\{severity="P1"\} 1/);
    expect(response.body).toMatch(/astreinte_incidents_open\{severity="P4"\} 0/);
  });

  it.skipIf(!available)('publishes an OpenAPI 3 document generated from the route schemas', async () => {
    const response = await t.call('GET', '/api/v1/openapi.json', { token: null });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    const declare = doc.paths['/api/v1/incidents'].post;
    const schema = declare.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(['title']);
    expect(schema.properties.severity.enum).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(Object.keys(declare.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403']));
    expect(doc.paths['/api/v1/incidents/{id}/acknowledge']).toBeDefined();
  });
});

describe('readiness when the database is gone', () => {
  it('answers 503 from /readyz once the database is closed', async () => {
    const t = await createTestApp('pglite');
    await t.db.close();
    const response = await t.call('GET', '/readyz', { token: null });
    expect(response.statusCode).toBe(503);
    expect(response.json().status).toBe('unavailable');
    await t.app.close();
  });
});
