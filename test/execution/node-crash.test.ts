import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startNode } from '../../src/node/start-node.js';
import { cleanEnv, spawnCli, tempDir } from '../cli/cli-harness.js';
import { eventually } from '../support/eventually.js';
import { testConfig } from '../support/test-app.js';
import { openTestDatabase, testBackends } from '../support/test-database.js';

/** Command lines of the host's processes, by pid. */
function processes(): Map<number, string[]> {
  const found = new Map<number, string[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      found.set(Number(entry), readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0'));
    } catch {
      // Ended meanwhile.
    }
  }
  return found;
}

/** Running, not a zombie waiting to be reaped (its parent, the server, is gone). */
const alive = (pid: number): boolean => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
};

describe.skipIf(!testBackends[1]!.available)('a node killed while a step runs', () => {
  it('leaves the step marked interrupted by another node, with its output so far, never re-run, and its processes killed', async () => {
    // The step runs in the local runner's sandbox, whose /tmp is its own: its markers go through a
    // folder the runner may write to, so that they reach this test.
    const writable = await tempDir('astreinte-node-crash-');
    const started = `${writable.path}/started`;
    // Written by the step only if it outlives the node that ran it.
    const orphan = `${writable.path}/orphan`;
    const runbook = `# RUNBOOK: Long step\n## Symptoms\n- slow\n## Diagnosis\n\`\`\`bash\ntouch ${started}\necho before\nsleep 4\ntouch ${orphan}\necho after\n\`\`\`\n`;
    const test = await openTestDatabase('postgres', { migrate: false });
    const server = spawnCli(
      ['serve', '--database-url', test.url!, '--port', '0', '--log-level', 'silent'],
      cleanEnv({
        ASTREINTE_STEP_HEARTBEAT_MS: '200',
        ASTREINTE_RUNNER_WRITABLE: writable.path,
        ASTREINTE_LOCAL_RUNNER: 'true',
      }),
    );
    let runnerPid: number | null = null;
    try {
      const [, url] = await server.waitFor(/^Astreinte listening on (http:\/\/\S+)$/m);
      const [, token] = await server.waitFor(/^First admin token .*: (ast_\S+)$/m);
      const call = async (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
        const response = await fetch(`${url!}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token!}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        return (await response.json()) as Record<string, unknown>;
      };
      const imported = await call('POST', '/api/v1/runbook-sources', { filename: 'long.md', content: runbook });
      const incident = await call('POST', '/api/v1/incidents', { title: 'crash' });
      const run = await call('POST', '/api/v1/runs', {
        runbookId: (imported['runbooks'] as { id: string }[])[0]!.id,
        incidentId: incident['id'],
      });
      const startedStep = await call('POST', `/api/v1/runs/${run['id'] as string}/steps/s1/execute`, { confirm: true });
      expect(startedStep['execution'], JSON.stringify(startedStep)).toBeDefined();
      const executionId = (startedStep['execution'] as { id: string }).id;
      await eventually(
        'the step to print before',
        async () => {
          const rows = await test.db.query(`SELECT text FROM step_output WHERE execution_id = $1`, [executionId]);
          return rows.rows.length > 0 ? true : null;
        },
        30_000,
      );
      // The step runs on the local runner, a child process of the server.
      const all = processes();
      const serverPid = [...all].find(([, args]) => args.includes('serve') && args.includes(test.url!))![0];
      const runner = [...all].find(
        ([pid, args]) => args.includes('runner') && args.includes('--token-stdin') && parentOf(pid) === serverPid,
      );
      expect(runner, 'the local runner process').toBeDefined();
      runnerPid = runner![0];
      // The sandbox writes through to the host: a missing orphan marker later is the step killed, not a read-only folder.
      expect(existsSync(started)).toBe(true);
      expect([...all.values()].some((args) => args.join(' ').includes(orphan))).toBe(true);
      server.kill('SIGKILL');
      await server.exited;

      // Another node on the same database: its step-job sweep finds the step's runner silent.
      const node = await startNode(testConfig({ databaseUrl: test.url!, port: 0, stepHeartbeatMs: 200 }), {
        loops: ['step-jobs'],
      });
      const { db } = node;
      try {
        let status = '';
        for (let i = 0; i < 60 && status !== 'interrupted'; i += 1) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          status = (
            await db.query<{ status: string }>(`SELECT status FROM step_executions WHERE id = $1`, [executionId])
          ).rows[0]!.status;
        }
        expect(status).toBe('interrupted');
        const output = await db.query<{ text: string }>(
          `SELECT text FROM step_output WHERE execution_id = $1 ORDER BY seq`,
          [executionId],
        );
        expect(output.rows.map((row) => row.text).join('')).toBe('before\n');
        const events = await db.query<{ type: string; payload: { status?: string } }>(
          `SELECT type, payload FROM incident_events WHERE incident_id = $1 ORDER BY seq`,
          [incident['id']],
        );
        const finished = events.rows.filter((row) => row.type === 'step_finished');
        expect(finished).toHaveLength(1);
        expect(finished[0]!.payload.status).toBe('interrupted');
        const executions = await db.query(`SELECT 1 FROM step_executions WHERE run_id = $1`, [run['id']]);
        expect(executions.rows).toHaveLength(1);
        // The runner saw its standard input close and killed the step: no process carries it any more.
        await eventually(
          "the step's processes to die",
          () => ([...processes().values()].some((args) => args.join(' ').includes(orphan)) ? null : true),
          10_000,
        );
        // Past the moment the step would have written its marker (4 s after "before").
        await new Promise((resolve) => setTimeout(resolve, 4500));
        expect(existsSync(orphan)).toBe(false);
        // And the local runner itself stopped with its server.
        await eventually('the local runner to exit', () => (alive(runnerPid!) ? null : true), 15_000);
      } finally {
        await node.close();
      }
    } finally {
      server.kill('SIGKILL');
      await server.exited;
      // Not left behind if it outlived its server.
      if (runnerPid !== null && alive(runnerPid)) process.kill(runnerPid, 'SIGKILL');
      await test.close();
      await writable.remove();
    }
  }, 90_000);
});

function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return -1;
  }
}
