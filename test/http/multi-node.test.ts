import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapDatabase } from '../../src/auth/bootstrap-admin.js';
import { buildApp } from '../../src/http/build-app.js';
import { createAppDeps } from '../../src/node/create-app-deps.js';
import type { App } from '../../src/http/http-deps.js';
import type { Database } from '../../src/storage/database.js';
import { openPostgresDatabase } from '../../src/storage/postgres-database.js';
import { testConfig } from '../support/test-app.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../support/test-database.js';

describe.skipIf(!testBackends[1]!.available)('two nodes on one PostgreSQL', () => {
  let test: TestDatabase;
  let token: string;
  const nodes: { db: Database; app: App }[] = [];
  beforeAll(async () => {
    test = await openTestDatabase('postgres');
    token = (await bootstrapDatabase(test.db)).adminToken!;
    for (let i = 0; i < 2; i += 1) {
      const db = await openPostgresDatabase(test.url!, { poolSize: 4 });
      // The apps alone: what is shown here (numbering, transitions) needs no loop.
      nodes.push({ db, app: await buildApp(createAppDeps({ db, config: testConfig() })) });
    }
  });
  afterAll(async () => {
    for (const node of nodes) {
      await node.app.close();
      await node.db.close();
    }
    // afterAll runs even when beforeAll failed before setting it.
    await (test as TestDatabase | undefined)?.close();
  });

  const call = (node: number, method: 'GET' | 'POST', url: string, body?: object) =>
    nodes[node]!.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { payload: body }),
    });

  it('number incidents without collisions when both declare at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call(i % 2, 'POST', '/api/v1/incidents', { title: `parallel ${i}` })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(20);
  });

  it('let only one node acknowledge an incident, with a gap-free timeline', async () => {
    const { id } = (await call(0, 'POST', '/api/v1/incidents', { title: 'race' })).json();
    const answers = await Promise.all(
      [0, 1, 0, 1].map((node) => call(node, 'POST', `/api/v1/incidents/${id}/acknowledge`)),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409]);
    await Promise.all(
      [0, 1, 0, 1].map((node, i) => call(node, 'POST', `/api/v1/incidents/${id}/notes`, { text: `note ${i}` })),
    );
    const timeline = (await call(1, 'GET', `/api/v1/incidents/${id}/timeline`)).json();
    expect(timeline.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
