import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/build-app.js';
import { openPostgresDatabase } from '../../src/storage/postgres-database.js';
import { cleanEnv, spawnCli } from '../cli/cli-harness.js';
import { testConfig } from '../support/test-app.js';
import { openTestDatabase, testBackends } from '../support/test-database.js';

// Written by the step only if it outlives the node that ran it.
const orphanMarker = `/tmp/astreinte-orphan-${process.pid}-${Date.now()}`;
const runbook = `# RUNBOOK: Long step\n## Symptoms\n- slow\n## Diagnosis\n\`\`\`bash\necho before\nsleep 4\ntouch ${orphanMarker}\necho after\n\`\`\`\n`;

describe.skipIf(!testBackends[1]!.available)('a node killed while a step runs', () => {
  it('leaves the step marked interrupted by another node, with its output so far, never re-run, and its processes killed', async () => {
    const test = await openTestDatabase('postgres', { migrate: false });
    const server = spawnCli(['serve', '--database-url', test.url!, '--port', '0', '--log-level', 'silent'], cleanEnv({ ASTREINTE_STEP_HEARTBEAT_MS: '200' }));
    try {
      const [, url] = await server.waitFor(/^Astreinte listening on (http:\/\/\S+)$/m);
      const [, token] = await server.waitFor(/^First admin token .*: (ast_\S+)$/m);
      const call = async (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
        const response = await fetch(`${url!}${path}`, {
          method, headers: { authorization: `Bearer ${token!}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        return (await response.json()) as Record<string, unknown>;
      };
      const imported = await call('POST', '/api/v1/runbook-sources', { filename: 'long.md', content: runbook });
      const incident = await call('POST', '/api/v1/incidents', { title: 'crash' });
      const run = await call('POST', '/api/v1/runs', { runbookId: (imported['runbooks'] as { id: string }[])[0]!.id, incidentId: incident['id'] });
      const started = await call('POST', `/api/v1/runs/${run['id']}/steps/s1/execute`, { confirm: true });
      expect(started['execution'], JSON.stringify(started)).toBeDefined();
      const executionId = (started['execution'] as { id: string }).id;
      for (let i = 0; i < 100; i += 1) {
        const rows = await test.db.query(`SELECT text FROM step_output WHERE execution_id = $1`, [executionId]);
        if (rows.rows.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      server.kill('SIGKILL');
      await server.exited;

      const db = await openPostgresDatabase(test.url!, { poolSize: 2 });
      const app = await buildApp({ db, config: testConfig({ stepHeartbeatMs: 200 }) });
      try {
        let status = '';
        for (let i = 0; i < 60 && status !== 'interrupted'; i += 1) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          status = (await db.query<{ status: string }>(`SELECT status FROM step_executions WHERE id = $1`, [executionId])).rows[0]!.status;
        }
        expect(status).toBe('interrupted');
        const output = await db.query<{ text: string }>(`SELECT text FROM step_output WHERE execution_id = $1 ORDER BY seq`, [executionId]);
        expect(output.rows.map((row) => row.text).join('')).toBe('before\n');
        const events = await db.query<{ type: string; payload: { status?: string } }>(
          `SELECT type, payload FROM incident_events WHERE incident_id = $1 ORDER BY seq`, [incident['id']],
        );
        const finished = events.rows.filter((row) => row.type === 'step_finished');
        expect(finished).toHaveLength(1);
        expect(finished[0]!.payload.status).toBe('interrupted');
        const executions = await db.query(`SELECT 1 FROM step_executions WHERE run_id = $1`, [run['id']]);
        expect(executions.rows).toHaveLength(1);
        // The step's own processes died with the node: its watchdog killed the group within a second.
        await new Promise((resolve) => setTimeout(resolve, 4500));
        expect(existsSync(orphanMarker)).toBe(false);
      } finally {
        await app.close();
        await db.close();
      }
    } finally {
      server.kill('SIGKILL');
      await server.exited;
      await test.close();
    }
  }, 60_000);
});
