import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNode, type RunningNode } from '../../src/node/start-node.js';
import { testConfig } from '../support/test-app.js';
import { runCaptured, tempDir, type TempDir } from './cli-harness.js';

const secretKey = 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210';

describe('astreinte secret, against a running server', () => {
  let server: RunningNode;
  let dir: TempDir;
  let env: Record<string, string>;
  const cli = (...argv: string[]) => runCaptured(argv, env);

  beforeAll(async () => {
    dir = await tempDir();
    server = await startNode(testConfig({ port: 0, dataDir: join(dir.path, 'data'), secretKey }));
    env = { ASTREINTE_URL: server.url, ASTREINTE_TOKEN: server.adminToken!, PW: 'from-the-cli-env' };
  });
  afterAll(async () => {
    // afterAll runs even when beforeAll failed before setting them.
    await (server as RunningNode | undefined)?.close();
    await (dir as TempDir | undefined)?.remove();
  });

  it('sets a secret from the environment or a file, lists it without its value, and deletes it', async () => {
    const set = await cli('secret', 'set', 'DB_PASSWORD', '--from-env', 'PW', '--description', 'app db');
    expect(set, set.stderr).toMatchObject({ code: 0, stdout: 'Stored secret DB_PASSWORD (app db).\n' });
    await writeFile(join(dir.path, 'token.txt'), 'file-secret-value\n');
    expect((await cli('secret', 'set', 'API_TOKEN', '--from-file', join(dir.path, 'token.txt'))).code).toBe(0);
    const list = await cli('secret', 'list');
    expect(list.stdout).toMatch(
      /^NAME +SOURCE +UPDATED +BY +DESCRIPTION\nAPI_TOKEN +store .*\nDB_PASSWORD +store .*app db\n$/,
    );
    expect(list.stdout).not.toContain('from-the-cli-env');
    const json = JSON.parse((await cli('secret', 'list', '--json')).stdout) as { name: string }[];
    expect(json.map((secret) => secret.name)).toEqual(['API_TOKEN', 'DB_PASSWORD']);
    expect(await cli('secret', 'delete', 'API_TOKEN')).toMatchObject({
      code: 0,
      stdout: 'Deleted secret API_TOKEN.\n',
    });
    const again = await cli('secret', 'delete', 'API_TOKEN');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('secret API_TOKEN does not exist');
  });

  it('never takes the value from the command line and says where to give it', async () => {
    const none = await cli('secret', 'set', 'X_TOKEN');
    expect(none).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('exactly one of --from-env VAR or --from-file PATH'),
    });
    expect((await cli('secret', 'set', 'X_TOKEN', '--from-env', 'UNSET')).stderr).toContain('UNSET is not set');
    const badName = await cli('secret', 'set', 'bad-name', '--from-env', 'PW');
    expect(badName.code).toBe(1);
    expect(badName.stderr).toContain('/params/name');
  });
});
