import { describe, expect, it } from 'vitest';
import { useTestApp, type TestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

async function count(t: TestApp, table: string): Promise<number> {
  return (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
}

describe.each(testBackends)('error answers on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  it.skipIf(!available)('answers 401 without a token, with a wrong one and with a malformed header', async () => {
    for (const headers of [
      {} as Record<string, string>,
      { authorization: 'Bearer ast_not-a-real-token' },
      { authorization: 'Basic dXNlcjpwYXNz' },
    ]) {
      const response = await t.call('GET', '/api/v1/incidents', { token: null, headers });
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.json().error).toBe('unauthenticated');
    }
  });

  it.skipIf(!available)('answers 400 naming every failing field, and writes nothing', async () => {
    const before = [await count(t, 'incidents'), await count(t, 'audit_log')];
    const response = await t.call('POST', '/api/v1/incidents', {
      body: { severity: 'P9', colour: 'red', labels: { ok: 5 } },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error).toBe('validation_failed');
    const paths = body.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['/title', '/colour', '/severity', '/labels/ok']));
    expect([await count(t, 'incidents'), await count(t, 'audit_log')]).toEqual(before);
  });

  it.skipIf(!available)('refuses a wrongly-typed field instead of coercing it', async () => {
    const response = await t.call('POST', '/api/v1/incidents', { body: { title: 42 } });
    expect(response.statusCode).toBe(400);
    expect(response.json().details.issues[0].path).toBe('/title');
  });

  it.skipIf(!available)('rolls back a request that fails half-way', async () => {
    const before = [await count(t, 'incidents'), await count(t, 'incident_events'), await count(t, 'audit_log')];
    const response = await t.call('POST', '/api/v1/incidents', {
      body: { title: 'unknown service', services: ['nope'] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details.issues).toEqual([{ path: '/services/0', message: 'unknown service nope' }]);
    expect([await count(t, 'incidents'), await count(t, 'incident_events'), await count(t, 'audit_log')]).toEqual(
      before,
    );
  });

  it.skipIf(!available)('answers 404 for an unknown incident and an unknown route', async () => {
    const incident = await t.call('GET', '/api/v1/incidents/INC-999999');
    expect(incident.statusCode).toBe(404);
    expect(incident.json()).toMatchObject({ error: 'not_found', details: { entity: 'incident', id: 'INC-999999' } });
    expect((await t.call('POST', '/api/v1/incidents/INC-999999/acknowledge')).statusCode).toBe(404);
    expect((await t.call('GET', '/api/v1/nothing-here')).statusCode).toBe(404);
  });

  it.skipIf(!available)('answers 413 for a body over 1 MiB and stores nothing', async () => {
    const before = await count(t, 'incidents');
    const response = await t.call('POST', '/api/v1/incidents', {
      body: { title: 'big', summary: 'x'.repeat(1024 * 1024 + 10) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toBe('payload_too_large');
    expect(await count(t, 'incidents')).toBe(before);
  });

  it.skipIf(!available)('answers 415 for a body that is not JSON', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: { authorization: `Bearer ${t.users.admin.token}`, 'content-type': 'text/plain' },
      payload: 'title=hello',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toBe('unsupported_media_type');
  });

  it.skipIf(!available)('answers 400 for malformed JSON', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: { authorization: `Bearer ${t.users.admin.token}`, 'content-type': 'application/json' },
      payload: '{"title": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe('validation_failed');
  });

  it.skipIf(!available)('echoes the request id and accepts one from the caller', async () => {
    const response = await t.call('GET', '/api/v1/incidents', { headers: { 'x-request-id': 'trace-123' } });
    expect(response.headers['x-request-id']).toBe('trace-123');
    await t.call('POST', '/api/v1/incidents', { body: { title: 'traced' }, headers: { 'x-request-id': 'trace-456' } });
    const { rows } = await t.db.query(
      `SELECT action, actor_name, request_id, source_ip FROM audit_log WHERE request_id = 'trace-456'`,
    );
    expect(rows).toEqual([
      { action: 'incident.declare', actor_name: 'Administrator', request_id: 'trace-456', source_ip: '127.0.0.1' },
    ]);
  });
});
