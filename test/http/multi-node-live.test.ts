import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapDatabase } from '../../src/auth/bootstrap-admin.js';
import { buildApp } from '../../src/http/build-app.js';
import type { App } from '../../src/http/http-deps.js';
import { createAppDeps } from '../../src/node/create-app-deps.js';
import type { Database } from '../../src/storage/database.js';
import { openPostgresDatabase } from '../../src/storage/postgres-database.js';
import { sseReader } from '../support/sse-reader.js';
import { testConfig } from '../support/test-app.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../support/test-database.js';

describe.skipIf(!testBackends[1]!.available)('live changes between two nodes on one PostgreSQL', () => {
  let test: TestDatabase;
  let token: string;
  const nodes: { db: Database; app: App; base: string }[] = [];
  beforeAll(async () => {
    test = await openTestDatabase('postgres');
    token = (await bootstrapDatabase(test.db)).adminToken!;
    for (let i = 0; i < 2; i += 1) {
      const db = await openPostgresDatabase(test.url!, { poolSize: 4 });
      // The safety read an hour away: what node B's stream shows, it heard by notification.
      const deps = createAppDeps({ db, config: testConfig({ liveSafetyPollMs: 3_600_000 }) });
      const app = await buildApp(deps);
      await deps.live.start();
      nodes.push({ db, app, base: await app.listen({ host: '127.0.0.1', port: 0 }) });
    }
  });
  afterAll(async () => {
    for (const node of nodes) {
      await node.app.close();
      await node.db.close();
    }
    await (test as TestDatabase | undefined)?.close();
  });

  it("streams on node B an incident declared and acknowledged on node A, in the timeline's order", async () => {
    const headers = { authorization: `Bearer ${token}` };
    // The answer's headers come once the stream listens and knows where it starts.
    const live = sseReader(await fetch(`${nodes[1]!.base}/api/v1/incidents/events`, { headers }));
    const post = (url: string, body: object = {}) =>
      fetch(`${nodes[0]!.base}${url}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const declared = (await (await post('/api/v1/incidents', { title: 'seen elsewhere' })).json()) as { id: string };
    await post(`/api/v1/incidents/${declared.id}/acknowledge`);
    const events = await live.until((seen) =>
      seen.some((event) => (event.data as { status?: string }).status === 'acknowledged'),
    );
    await live.close();
    const mine = events.filter((event) => (event.data as { id: string }).id === declared.id);
    expect((mine.at(-1)!.data as { status: string }).status).toBe('acknowledged');
    const ids = mine.map((event) => Number(event.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });
});
