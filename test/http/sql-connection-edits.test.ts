import { describe, expect, it } from 'vitest';
import { openSqlConnectionUrl } from '../../src/execution/connections/open-sql-connection-url.js';
import { connectionUses } from '../../src/execution/runbook-uses.js';
import { parseSecretKey } from '../../src/execution/secrets/secret-crypto.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

const secretKey = 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210';
const password = 'p@ss/w0rd:kept';
const base = '/api/v1/sql-connections';
const fence = '```';

describe.each(testBackends)('editing SQL connections on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, { config: { secretKey } });
  const opened = (name: string) => openSqlConnectionUrl(t.db, name, parseSecretKey(secretKey));

  it.skipIf(!available)('keeps the stored password when an edit sends it back as shown', async () => {
    const url = `postgres://app:${encodeURIComponent(password)}@db.internal:5432/orders?sslmode=require`;
    expect((await t.call('PUT', `${base}/kept`, { body: { url } })).statusCode).toBe(200);
    const shown = (await t.call('GET', `${base}/kept`)).json<{ displayUrl: string }>().displayUrl;
    const moved = shown.replace('db.internal', 'db2.internal').replace('require', 'verify-full');
    const edited = await t.call('PUT', `${base}/kept`, { body: { url: moved, description: 'moved' } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ displayUrl: moved, description: 'moved' });
    expect(decodeURIComponent(new URL(await opened('kept')).password)).toBe(password);
    expect(await opened('kept')).toContain('db2.internal:5432/orders?sslmode=verify-full');

    // A password typed again replaces the stored one.
    await t.call('PUT', `${base}/kept`, { body: { url: moved.replace('****', 'typed-again') } });
    expect(new URL(await opened('kept')).password).toBe('typed-again');
  });

  it.skipIf(!available)('keeps a password given as a query parameter the same way', async () => {
    await t.call('PUT', `${base}/by-query`, { body: { url: `postgres://db/app?user=app&password=${password}` } });
    const edited = await t.call('PUT', `${base}/by-query`, {
      body: { url: 'postgres://db2/app?user=app&password=****' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(new URL(await opened('by-query')).searchParams.get('password')).toBe(password);
  });

  it.skipIf(!available)('answers 400 on /url when there is no stored password to keep', async () => {
    const fresh = await t.call('PUT', `${base}/never-stored`, { body: { url: 'postgres://app:****@db/app' } });
    expect(fresh.statusCode).toBe(400);
    expect(fresh.json().details.issues[0]).toMatchObject({ path: '/url', message: expect.stringContaining('type it') });
    expect((await t.call('GET', `${base}/never-stored`)).statusCode).toBe(404);
    await t.call('PUT', `${base}/no-password`, { body: { url: 'postgres://app@db/app' } });
    const unkept = await t.call('PUT', `${base}/no-password`, { body: { url: 'postgres://app:****@db/app' } });
    expect(unkept.statusCode).toBe(400);
    expect(await opened('no-password')).toBe('postgres://app@db/app');
  });

  it.skipIf(!available)('lists with each connection the live runbooks whose SQL steps name it', async () => {
    const content = [
      '# Orders checks',
      '## Diagnosis',
      `${fence}sql {"connection":"kept"}`,
      'SELECT count(*) FROM orders;',
      fence,
      `${fence}sql {"connection":"by-query"}`,
      'SELECT 1;',
      fence,
      `${fence}sql`,
      'SELECT 2;',
      fence,
    ].join('\n');
    const imported = await t.call('POST', '/api/v1/runbook-sources', { body: { filename: 'orders.md', content } });
    expect(imported.statusCode, imported.body).toBe(201);
    const runbookId = imported.json<{ runbooks: { id: string }[] }>().runbooks[0]!.id;
    const listed = (await t.call('GET', base, { token: t.users.responder.token })).json<
      { name: string; usedBy: { runbookId: string; title: string }[] }[]
    >();
    const usedBy = Object.fromEntries(listed.map((one) => [one.name, one.usedBy]));
    expect(usedBy['kept']).toEqual([{ runbookId, title: 'Orders checks' }]);
    expect(usedBy['by-query']).toEqual([{ runbookId, title: 'Orders checks' }]);
    // Several connections: the step naming none runs on none of them until it names one.
    expect(usedBy['no-password']).toEqual([]);
    // The only connection: the step naming none runs on it.
    expect((await connectionUses(t.db, ['solo'])).get('solo')).toEqual([{ runbookId, title: 'Orders checks' }]);
  });
});
