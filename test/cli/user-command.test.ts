import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured, startTestServer, tempDir, type TempDir } from './cli-harness.js';

describe('astreinte user password, directly on the database', () => {
  let dir: TempDir;
  let dataDir: string;

  beforeAll(async () => {
    dir = await tempDir();
    dataDir = join(dir.path, 'data');
    const first = await startTestServer(dataDir);
    await first.close();
  });
  afterAll(async () => {
    // afterAll runs even when beforeAll failed before setting it.
    await (dir as TempDir | undefined)?.remove();
  });

  it('gives the first admin a console password read from the environment, never from the command line', async () => {
    const missing = await runCaptured(
      ['user', 'password', 'admin', '--from-env', 'ADMIN_PASSWORD', '--data-dir', dataDir],
      {},
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('ADMIN_PASSWORD');
    const short = await runCaptured(
      ['user', 'password', 'admin', '--from-env', 'ADMIN_PASSWORD', '--data-dir', dataDir],
      { ADMIN_PASSWORD: 'short' },
    );
    expect(short.code).toBe(1);
    const set = await runCaptured(
      ['user', 'password', 'admin', '--from-env', 'ADMIN_PASSWORD', '--data-dir', dataDir],
      { ADMIN_PASSWORD: 'the first admin passphrase' },
    );
    expect(set.code, set.stderr).toBe(0);
    const server = await startTestServer(dataDir);
    try {
      const signedIn = await fetch(`${server.url}/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'the first admin passphrase' }),
      });
      expect(signedIn.status).toBe(200);
      expect(signedIn.headers.get('set-cookie')).toContain('HttpOnly');
    } finally {
      await server.close();
    }
  });

  it('prints a one-time setup link for the admin that the server then accepts once', async () => {
    const printed = await runCaptured(['user', 'setup-link', '--data-dir', dataDir, '--json'], {
      ASTREINTE_PUBLIC_URL: 'https://astreinte.example.test',
    });
    expect(printed.code, printed.stderr).toBe(0);
    const { username, url } = JSON.parse(printed.stdout) as { username: string; url: string };
    expect(username).toBe('admin');
    expect(url).toMatch(/^https:\/\/astreinte\.example\.test\/setup\?token=asu_/);
    const token = new URL(url).searchParams.get('token');
    const server = await startTestServer(dataDir);
    try {
      const redeem = () =>
        fetch(`${server.url}/api/v1/setup`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token, password: 'a password from the setup link' }),
        });
      expect((await redeem()).status).toBe(200);
      expect((await redeem()).status).toBe(400);
    } finally {
      await server.close();
    }
  });
});
