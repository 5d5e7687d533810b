import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveNodeSecretKey } from '../../src/node/node-secret-key.js';
import { startNode } from '../../src/node/start-node.js';
import { openTestDatabase } from '../support/test-database.js';
import { testConfig } from '../support/test-app.js';

// Starts whole nodes on an empty data folder (initdb and every migration): slow on a busy machine.
describe('the secret key of the embedded database', { timeout: 120_000 }, () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'astreinte-key-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('is created on first start (0600 in a 0700 folder), reused on restart, and a wrong one stops the start', async () => {
    const dataDir = join(tempDir(), 'data');
    const keyFile = join(dataDir, 'secret.key');
    const first = await startNode(testConfig({ port: 0, dataDir }));
    let key: string;
    try {
      expect(first.secretKey).toEqual({ from: 'file', file: keyFile, created: true });
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      key = readFileSync(keyFile, 'utf8');
      expect(Buffer.from(key.trim(), 'base64')).toHaveLength(32);
      // The secret store is open without any configuration: this sealed value is what restarts check.
      const put = await fetch(`${first.url}/api/v1/secrets/DB_PASSWORD`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${first.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ value: 'a sealed database password' }),
      });
      expect(put.status, await put.text()).toBe(200);
    } finally {
      await first.close();
    }

    const second = await startNode(testConfig({ port: 0, dataDir }));
    await second.close();
    expect(second.secretKey).toEqual({ from: 'file', file: keyFile, created: false });
    expect(readFileSync(keyFile, 'utf8')).toBe(key);

    const otherKey = randomBytes(32).toString('base64');
    await expect(startNode(testConfig({ port: 0, dataDir, secretKey: otherKey }))).rejects.toThrow(
      /secret key from ASTREINTE_SECRET_KEY does not open .*the step secret DB_PASSWORD/,
    );
    unlinkSync(keyFile);
    await expect(startNode(testConfig({ port: 0, dataDir }))).rejects.toThrow(/secret\.key is missing.*does not open/);
    // A lost key is not replaced by one that opens nothing.
    expect(existsSync(keyFile)).toBe(false);
  });

  it('is not written when ASTREINTE_SECRET_KEY is set, nor on PostgreSQL', async () => {
    const test = await openTestDatabase('pglite');
    try {
      const dataDir = tempDir();
      const secretKey = randomBytes(32).toString('hex');
      expect(await resolveNodeSecretKey(testConfig({ dataDir, secretKey }), test.db)).toEqual({
        text: secretKey,
        source: { from: 'config' },
      });
      const databaseUrl = 'postgres://astreinte@127.0.0.1:5432/astreinte';
      expect(await resolveNodeSecretKey(testConfig({ dataDir, databaseUrl }), test.db)).toEqual({
        text: undefined,
        source: { from: 'none' },
      });
      expect(existsSync(join(dataDir, 'secret.key'))).toBe(false);
    } finally {
      await test.close();
    }
  });
});
