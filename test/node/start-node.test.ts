import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startNode } from '../../src/node/start-node.js';
import { loadMigrations } from '../../src/storage/migrate.js';
import { testConfig } from '../support/test-app.js';

// Each test starts a whole node on an empty data folder (the embedded database's initdb and every
// migration): tens of seconds on a busy 2-core machine, so more than the suite's default time.
describe('the server process', { timeout: 90_000 }, () => {
  const dirs: string[] = [];
  const tempDir = (prefix: string): string => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('finishes a request in flight before it closes, and refuses new connections while closing', async () => {
    const dataDir = tempDir('astreinte-shutdown-');
    const server = await startNode(testConfig({ port: 0, dataDir }));
    const token = server.adminToken!;
    // Hold the embedded database for a moment: the request below waits on it, so it is in flight
    // when shutdown starts.
    let release!: () => void;
    const held = server.db.transaction(() => new Promise<void>((resolve) => (release = resolve)));
    const inFlight = fetch(`${server.url}/api/v1/incidents`, { headers: { authorization: `Bearer ${token}` } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const closing = server.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    release();
    await held;
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect((await response.json()).total).toBe(0);
    await closing;
  });

  it('keeps its data and never seeds again when restarted on the same folder', async () => {
    const dataDir = tempDir('astreinte-restart-');
    const first = await startNode(testConfig({ port: 0, dataDir, demo: true }));
    expect(first.adminToken).not.toBeNull();
    expect(first.migrated).toEqual((await loadMigrations()).map((migration) => migration.name));
    await first.close();
    const second = await startNode(testConfig({ port: 0, dataDir, demo: true }));
    try {
      expect(second.adminToken).toBeNull();
      expect(second.migrated).toEqual([]);
      const response = await fetch(`${second.url}/api/v1/incidents`, {
        headers: { authorization: `Bearer ${first.adminToken}` },
      });
      expect((await response.json()).total).toBe(1);
    } finally {
      await second.close();
    }
  });
});
