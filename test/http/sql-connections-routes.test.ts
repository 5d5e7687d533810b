import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/app-error.js';
import { openSqlConnectionUrl } from '../../src/execution/connections/open-sql-connection-url.js';
import { parseSecretKey } from '../../src/execution/secrets/secret-crypto.js';
import { useTestApp } from '../support/test-app.js';
import { postgresAdminUrl, testBackends } from '../support/test-database.js';

const secretKey = 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210';
const password = 'Sup3r-s3cret-pw';
const url = `postgres://app:${password}@db.internal:5432/orders?sslmode=require`;
const base = '/api/v1/sql-connections';

describe.each(testBackends)('SQL connections API on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, { config: { secretKey } });
  const keyless = useTestApp(backend, available);

  async function put(name: string, body: Record<string, unknown>, token?: string) {
    return t.call('PUT', `${base}/${name}`, { body, ...(token === undefined ? {} : { token }) });
  }

  async function auditRows(name: string): Promise<{ action: string; details: unknown }[]> {
    const { rows } = await t.db.query<{ action: string; details: unknown }>(
      `SELECT action, details FROM audit_log WHERE target_type = 'sql_connection' AND target_id = $1 ORDER BY id`,
      [name],
    );
    return rows;
  }

  it.skipIf(!available)(
    'stores a connection sealed, shows it without its password, and audits its creation and replacement',
    async () => {
      const created = await put('orders', { url, description: 'orders primary' });
      expect(created.statusCode, created.body).toBe(200);
      expect(created.json()).toMatchObject({
        name: 'orders',
        displayUrl: 'postgres://app:****@db.internal:5432/orders?sslmode=require',
        description: 'orders primary',
        updatedBy: 'Administrator',
      });
      const replaced = await put('orders', { url: url.replace('db.internal', 'db2.internal') });
      expect(replaced.json()).toMatchObject({
        displayUrl: 'postgres://app:****@db2.internal:5432/orders?sslmode=require',
        description: null,
      });
      const listed = await t.call('GET', base, { token: t.users.responder.token });
      expect(listed.statusCode).toBe(200);
      expect(listed.json().map((c: { name: string }) => c.name)).toContain('orders');
      const shown = await t.call('GET', `${base}/orders`, { token: t.users.responder.token });
      expect(shown.json()).toEqual(replaced.json());
      expect((await auditRows('orders')).map((row) => row.action)).toEqual([
        'sql_connection.create',
        'sql_connection.replace',
      ]);
      const { rows } = await t.db.query<{ sealed_url: string }>(
        `SELECT sealed_url FROM sql_connections WHERE name = 'orders'`,
      );
      expect(rows[0]?.sealed_url).toMatch(/^v1\./);
      for (const body of [
        created.body,
        replaced.body,
        listed.body,
        shown.body,
        JSON.stringify(await auditRows('orders')),
        rows[0]?.sealed_url,
      ]) {
        expect(body).not.toContain(password);
      }
    },
  );

  it.skipIf(!available)('hides password query parameters too', async () => {
    const response = await put('by-query', { url: `postgresql://db.internal/app?user=app&password=${password}` });
    expect(response.json().displayUrl).toBe('postgresql://db.internal/app?user=app&password=****');
  });

  it.skipIf(!available)('lets only admins store, test and delete connections, and responders read them', async () => {
    await put('guarded', { url });
    for (const token of [t.users.viewer.token, t.users.responder.token]) {
      expect((await put('guarded', { url }, token)).statusCode).toBe(403);
      expect((await t.call('DELETE', `${base}/guarded`, { token })).statusCode).toBe(403);
      expect((await t.call('POST', `${base}/guarded/test`, { token })).statusCode).toBe(403);
    }
    expect((await t.call('GET', base, { token: t.users.viewer.token })).statusCode).toBe(403);
    expect((await t.call('GET', `${base}/guarded`, { token: t.users.viewer.token })).statusCode).toBe(403);
    expect((await auditRows('guarded')).map((row) => row.action)).toEqual(['sql_connection.create']);
  });

  it.skipIf(!available)('answers 400 for a bad name or URL, never repeating the URL', async () => {
    const badNames = ['Orders', '-orders', 'a'.repeat(64), 'with%20space'];
    for (const name of badNames) {
      const response = await put(name, { url });
      expect(response.statusCode, name).toBe(400);
      expect(response.json().details.issues[0].path).toBe('/params/name');
    }
    const badUrls = [
      `mysql://app:${password}@db/x`,
      `https://app:${password}@db/x`,
      `postgres://app:${password}@`,
      `postgres://app:${password}@[bad`,
    ];
    for (const bad of badUrls) {
      const response = await put('bad-url', { url: bad });
      expect(response.statusCode, bad).toBe(400);
      expect(response.json().details.issues[0].path).toBe('/url');
      expect(response.body).not.toContain(password);
    }
    expect((await put('bad-url', { url, extra: 1 })).statusCode).toBe(400);
    expect((await t.call('GET', `${base}/bad-url`)).statusCode).toBe(404);
  });

  it.skipIf(!available)('answers 404 naming an unknown connection', async () => {
    for (const [method, path] of [
      ['GET', `${base}/nowhere`],
      ['DELETE', `${base}/nowhere`],
      ['POST', `${base}/nowhere/test`],
    ] as const) {
      const response = await t.call(method, path);
      expect(response.statusCode, `${method} ${path}`).toBe(404);
      expect(response.json().message).toContain('nowhere');
    }
  });

  it.skipIf(!available)('deletes a connection and audits it', async () => {
    await put('temporary', { url });
    const deleted = await t.call('DELETE', `${base}/temporary`);
    expect(deleted.statusCode).toBe(204);
    expect((await t.call('GET', `${base}/temporary`)).statusCode).toBe(404);
    const audit = await auditRows('temporary');
    expect(audit.map((row) => row.action)).toEqual(['sql_connection.create', 'sql_connection.delete']);
    expect(JSON.stringify(audit)).not.toContain(password);
  });

  it.skipIf(!available)('answers 409 naming ASTREINTE_SECRET_KEY when the server has no key', async () => {
    const stored = await keyless.call('PUT', `${base}/orders`, { body: { url } });
    expect(stored.statusCode).toBe(409);
    expect(stored.json().message).toContain('ASTREINTE_SECRET_KEY');
    expect((await keyless.call('POST', `${base}/orders/test`)).statusCode).toBe(409);
    expect((await keyless.call('GET', base)).json()).toEqual([]);
  });

  it.skipIf(!available)(
    'tests a connection: the server version when it answers, the reason without the password when not',
    async () => {
      await put('unreachable', { url: `postgres://app:${password}@127.0.0.1:1/x` });
      const failed = await t.call('POST', `${base}/unreachable/test`);
      expect(failed.statusCode).toBe(200);
      expect(failed.json()).toMatchObject({ ok: false, serverVersion: null });
      expect(failed.json().error).toMatch(/ECONNREFUSED/);
      expect(failed.body).not.toContain(password);
      const live = postgresAdminUrl();
      if (live === null) return;
      await put('live', { url: live });
      const answered = await t.call('POST', `${base}/live/test`);
      expect(answered.json()).toMatchObject({ ok: true, error: null });
      expect(answered.json().serverVersion).toMatch(/^PostgreSQL \d+/);
    },
  );

  it.skipIf(!available)(
    'opens the sealed URL for a step, refusing unknown names and URLs sealed under another name',
    async () => {
      const key = parseSecretKey(secretKey);
      await put('opened', { url });
      expect(await openSqlConnectionUrl(t.db, 'opened', key)).toBe(url);
      await expect(openSqlConnectionUrl(t.db, 'missing', key)).rejects.toMatchObject({
        code: 'not_found',
        message: expect.stringContaining('missing'),
      });
      await expect(openSqlConnectionUrl(t.db, 'opened', null)).rejects.toBeInstanceOf(AppError);
      await put('copied', { url: 'postgres://other@db/x' });
      await t.db.query(
        `UPDATE sql_connections SET sealed_url = (SELECT sealed_url FROM sql_connections WHERE name = 'opened') WHERE name = 'copied'`,
      );
      await expect(openSqlConnectionUrl(t.db, 'copied', key)).rejects.toMatchObject({ code: 'conflict' });
    },
  );
});
