import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

const secretKey = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const value = 'correct-horse-battery-staple';

describe.each(testBackends)('secrets on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, {
    config: { secretKey, stepSecretEnv: 'ENV_ONLY_SECRET, UNSET_SECRET' },
    env: { ENV_ONLY_SECRET: 'from-the-env-1' },
  });

  it.skipIf(!available)('stores a secret sealed, lists it by name only, and audits it without its value', async () => {
    const put = await t.call('PUT', '/api/v1/secrets/DB_PASSWORD', {
      body: { value, description: 'read-only role of the app database' },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({
      name: 'DB_PASSWORD',
      source: 'store',
      description: 'read-only role of the app database',
      updatedBy: expect.any(String),
    });
    const list = await t.call('GET', '/api/v1/secrets', { token: t.users.responder.token });
    expect(list.json()).toEqual([
      expect.objectContaining({ name: 'DB_PASSWORD', source: 'store' }),
      {
        name: 'ENV_ONLY_SECRET',
        source: 'environment',
        description: null,
        updatedAt: null,
        updatedBy: null,
        usedBy: [],
      },
    ]);
    const replaced = await t.call('PUT', '/api/v1/secrets/DB_PASSWORD', { body: { value: `${value}-2` } });
    expect(replaced.json().description).toBeNull();
    const stored = (await t.db.query<{ sealed: string }>(`SELECT sealed FROM secrets WHERE name = 'DB_PASSWORD'`))
      .rows[0]!.sealed;
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain('horse');
    const audit = (
      await t.db.query<{ action: string; details: unknown }>(
        `SELECT action, details FROM audit_log WHERE target_type = 'secret' ORDER BY id`,
      )
    ).rows;
    expect(audit.map((row) => row.action)).toEqual(['secret.create', 'secret.replace']);
    expect(JSON.stringify(audit) + list.body + put.body).not.toContain('horse');
  });

  it.skipIf(!available)('lets only admins write secrets and refuses bad names and short values', async () => {
    expect(
      (await t.call('PUT', '/api/v1/secrets/X_TOKEN', { token: t.users.responder.token, body: { value } })).statusCode,
    ).toBe(403);
    expect((await t.call('GET', '/api/v1/secrets', { token: t.users.viewer.token })).statusCode).toBe(403);
    const badName = await t.call('PUT', '/api/v1/secrets/not-a-name', { body: { value } });
    expect(badName.statusCode).toBe(400);
    expect(badName.json().details.issues[0].path).toBe('/params/name');
    const short = await t.call('PUT', '/api/v1/secrets/SHORT', { body: { value: 'abc' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().details.issues[0].path).toBe('/value');
    expect((await t.db.query(`SELECT 1 FROM secrets WHERE name IN ('X_TOKEN', 'SHORT')`)).rows).toHaveLength(0);
  });

  it.skipIf(!available)('deletes a secret once, then answers 404', async () => {
    await t.call('PUT', '/api/v1/secrets/TO_DELETE', { body: { value } });
    expect((await t.call('DELETE', '/api/v1/secrets/TO_DELETE', { token: t.users.responder.token })).statusCode).toBe(
      403,
    );
    expect((await t.call('DELETE', '/api/v1/secrets/TO_DELETE')).statusCode).toBe(204);
    expect((await t.call('DELETE', '/api/v1/secrets/TO_DELETE')).statusCode).toBe(404);
  });

  it.skipIf(!available)('lists with each secret the live runbooks whose steps take it', async () => {
    await t.call('PUT', '/api/v1/secrets/CACHE_TOKEN', { body: { value } });
    const content = ['# Flush the cache', '## Mitigation', '```bash', 'cache-cli --auth "${CACHE_TOKEN}" flush', '```'];
    const imported = await t.call('POST', '/api/v1/runbook-sources', {
      body: { filename: 'cache.md', content: content.join('\n') },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const runbookId = imported.json<{ runbooks: { id: string }[] }>().runbooks[0]!.id;
    const listed = (await t.call('GET', '/api/v1/secrets')).json<{ name: string; usedBy: unknown[] }[]>();
    expect(listed.find((secret) => secret.name === 'CACHE_TOKEN')?.usedBy).toEqual([
      { runbookId, title: 'Flush the cache' },
    ]);
    expect(listed.find((secret) => secret.name === 'ENV_ONLY_SECRET')?.usedBy).toEqual([]);
    // A deleted runbook uses nothing any more.
    expect((await t.call('DELETE', `/api/v1/runbooks/${runbookId}`)).statusCode).toBe(200);
    const after = (await t.call('GET', '/api/v1/secrets')).json<{ name: string; usedBy: unknown[] }[]>();
    expect(after.find((secret) => secret.name === 'CACHE_TOKEN')?.usedBy).toEqual([]);
  });
});

describe.each(testBackends)('the secret store without a key on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  it.skipIf(!available)('refuses to store a secret and says which setting is missing', async () => {
    const put = await t.call('PUT', '/api/v1/secrets/DB_PASSWORD', { body: { value } });
    expect(put.statusCode).toBe(409);
    expect(put.json().message).toContain('ASTREINTE_SECRET_KEY');
    expect((await t.call('GET', '/api/v1/secrets')).json()).toEqual([]);
  });
});
