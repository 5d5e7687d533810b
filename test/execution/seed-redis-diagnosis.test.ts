import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBytes, seedsAvailable } from '../support/seeds.js';
import { useTestApp, type TestApp } from '../support/test-app.js';

/** A Redis on 127.0.0.1:6379, where the seed's `redis-cli` commands look: CI's, or one started here. */
function redisAnswers(): boolean {
  // Without redis-cli, spawnSync sets `error` and leaves `stdout` null, whatever its type says.
  const ping = spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', '6379', 'ping'], { encoding: 'utf8' });
  return ping.error === undefined && ping.stdout.trim() === 'PONG';
}
const redisInstalled = spawnSync('redis-server', ['--version']).status === 0;

describe.skipIf(!seedsAvailable || !redisInstalled)(
  'the Redis diagnosis of the dispatch runbook, run against a real redis-server',
  () => {
    let server: ChildProcess | null = null;
    beforeAll(async () => {
      if (redisAnswers()) return;
      server = spawn('redis-server', ['--port', '6379', '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
        stdio: 'ignore',
      });
      for (let i = 0; i < 50 && !redisAnswers(); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    });
    afterAll(() => {
      server?.kill('SIGTERM');
    });
    const t: TestApp = useTestApp('pglite', true, { runner: true });

    it('prints PONG and the memory section, in the incident timeline', async () => {
      expect(redisAnswers()).toBe(true);
      const imported = await t.call('POST', '/api/v1/runbook-sources', {
        body: { filename: '000.md', contentBase64: seedBytes('000').toString('base64') },
      });
      expect(imported.statusCode, imported.body).toBe(201);
      const runbookId = imported
        .json()
        .runbooks.find((r: { title: string }) => r.title === 'Problèmes de cache Redis').id;
      const incident = (
        await t.call('POST', '/api/v1/incidents', { body: { title: 'Performances dégradées', severity: 'P2' } })
      ).json();
      const run = (await t.call('POST', '/api/v1/runs', { body: { runbookId, incidentId: incident.id } })).json();
      const started = await t.call('POST', `/api/v1/runs/${run.id}/steps/s1/execute`, { body: {} });
      expect(started.statusCode, started.body).toBe(202);
      expect(started.json().preview).toContain('redis-cli info memory');
      let status = 'queued';
      for (let i = 0; i < 100 && ['queued', 'running'].includes(status); i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = (await t.call('GET', `/api/v1/runs/${run.id}`)).json().executions[0].status;
      }
      expect(status).toBe('succeeded');
      const output = (
        await t.call('GET', `/api/v1/runs/${run.id}/executions/${started.json().execution.id}/output`)
      ).json();
      const text = output.map((o: { text: string }) => o.text).join('');
      expect(text).toMatch(/^PONG\n# Memory\r?\nused_memory:\d+/);
      const timeline = (await t.call('GET', `/api/v1/incidents/${incident.id}/timeline`)).json();
      expect(
        timeline
          .filter((e: { type: string }) => e.type === 'step_output')
          .map((e: { payload: { output: { text: string }[] } }) => e.payload.output.map((o) => o.text).join(''))
          .join(''),
      ).toBe(text);
    });
  },
);
