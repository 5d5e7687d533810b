import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Run } from '../../src/execution/run-model.js';
import { runCli } from '../../src/cli/main.js';
import { startNode, type RunningNode } from '../../src/node/start-node.js';
import { testConfig } from '../support/test-app.js';
import { runCaptured, tempDir, type TempDir } from './cli-harness.js';

const fence = '```';
/** s1 prints over ~1.2 s with a parameter; s2 prints a secret then fails; s3 sleeps; s4 changes; s5 destroys. */
const runbook = [
  '# RUNBOOK: CLI run test',
  '',
  '## Symptoms',
  '',
  '- the CLI test needs it',
  '',
  '## Diagnosis',
  '',
  `${fence}bash`,
  'for i in 1 2 3 4; do echo "check $i of <target>"; sleep 0.4; done',
  'echo "checked" >&2',
  fence,
  '',
  `${fence}bash`,
  'echo "token is $API_TOKEN"',
  'grep -q never /dev/null',
  fence,
  '',
  `${fence}bash`,
  'sleep 30',
  fence,
  '',
  '## Resolution',
  '',
  `${fence}bash`,
  'mkdir -p /tmp/astreinte-cli-run-dir',
  fence,
  '',
  `${fence}bash`,
  'rm -f /tmp/astreinte-cli-<name>',
  fence,
  '',
].join('\n');
const secretKey = 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210';

describe('astreinte run, against a running server', () => {
  let server: RunningNode;
  let dir: TempDir;
  let env: Record<string, string>;
  let runbookId: string;
  let approverToken: string;
  const cli = (...argv: string[]) => runCaptured(argv, env);
  const api = async <T>(path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken!}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as T;
  };
  const startRun = async (...flags: string[]): Promise<string> => {
    const run = await cli('run', 'start', runbookId, '--json', ...flags);
    expect(run.code, run.stderr).toBe(0);
    return (JSON.parse(run.stdout) as { run: Run }).run.id;
  };
  const showRun = async (runId: string): Promise<Run> =>
    JSON.parse((await cli('run', 'show', runId, '--json')).stdout) as Run;

  beforeAll(async () => {
    dir = await tempDir();
    // A secret key: the values of a destructive step stay sealed while it awaits approval.
    server = await startNode(
      testConfig({
        port: 0,
        dataDir: join(dir.path, 'data'),
        secretKey,
        localRunner: true,
        runnerWritablePaths: '/tmp',
      }),
    );
    env = { ASTREINTE_URL: server.url, ASTREINTE_TOKEN: server.adminToken! };
    await writeFile(join(dir.path, 'cli-run.md'), runbook);
    const imported = await cli('runbook', 'import', join(dir.path, 'cli-run.md'), '--json');
    expect(imported.code, imported.stderr).toBe(0);
    runbookId = (JSON.parse(imported.stdout) as { report: { runbooks: { id: string }[] } }[])[0]!.report.runbooks[0]!
      .id;
    const user = await api<{ id: string }>('/api/v1/users', {
      username: 'approver',
      name: 'Second Responder',
      email: 'approver@example.test',
      role: 'responder',
    });
    approverToken = (
      await api<{ secret: string }>('/api/v1/tokens', { userId: user.id, name: 'approver cli', role: 'responder' })
    ).secret;
  });
  afterAll(async () => {
    // afterAll runs even when beforeAll failed before setting them.
    await (server as RunningNode | undefined)?.close();
    await (dir as TempDir | undefined)?.remove();
    rmSync('/tmp/astreinte-cli-run-dir', { recursive: true, force: true }); // made by step s4
  });

  it('starts a run in an incident and lists the steps with their risk and parameters', async () => {
    const declared = await cli('incident', 'declare', 'Checks fail', '--json');
    const incidentId = (JSON.parse(declared.stdout) as { id: string }).id;
    const run = await cli('run', 'start', runbookId, '--incident', incidentId, '--version', '1');
    expect(run.code, run.stderr).toBe(0);
    const runId = /^Started run ([0-9a-f-]{36})$/m.exec(run.stdout)![1]!;
    expect(run.stdout).toContain(`${runbookId} v1 "CLI run test" (incident ${incidentId})`);
    expect(run.stdout).toMatch(/^STEP\s+KIND\s+RISK\s+PARAMETERS\s+SECTION\s+TITLE$/m);
    expect(run.stdout).toMatch(/^s1\s+command\s+read-only\s+target\s+Diagnosis\s+for i in 1 2 3 4/m);
    expect(run.stdout).toMatch(/^s2\s+command\s+read-only\s+API_TOKEN \(secret\)\s+Diagnosis/m);
    expect(run.stdout).toMatch(/^s4\s+command\s+changing\s+-\s+Resolution\s+mkdir -p/m);
    expect(run.stdout).toMatch(/^s5\s+command\s+destructive\s+name\s+Resolution\s+rm -f/m);
    expect(run.stdout).toContain(`Next: astreinte run step ${runId} s1 --param target=…`);
    expect(await showRun(runId)).toMatchObject({
      id: runId,
      incidentId,
      runbookId,
      runbookVersion: 1,
      status: 'active',
      executions: [],
    });
  });

  it('runs a step with --param, streaming its stdout as it prints, then prints its final status (exit 0)', async () => {
    const runId = await startRun();
    const writes: { stream: 'stdout' | 'stderr'; text: string; at: number }[] = [];
    const record = (stream: 'stdout' | 'stderr') => ({
      write: (text: string) => writes.push({ stream, text, at: Date.now() }),
    });
    const code = await runCli(['run', 'step', runId, 's1', '--param', 'target=db-1'], {
      stdout: record('stdout'),
      stderr: record('stderr'),
      env,
      now: () => new Date(),
    });
    const text = (stream: string) =>
      writes
        .filter((w) => w.stream === stream)
        .map((w) => w.text)
        .join('');
    expect(code, text('stderr')).toBe(0);
    expect(text('stdout')).toBe('check 1 of db-1\ncheck 2 of db-1\ncheck 3 of db-1\ncheck 4 of db-1\n');
    expect(text('stderr')).toMatch(/^Running s1 attempt 1, execution [0-9a-f-]{36}:\n/);
    expect(text('stderr')).toContain('    for i in 1 2 3 4; do echo "check $i of db-1"; sleep 0.4; done\n');
    expect(text('stderr')).toMatch(/checked\ns1 attempt 1 succeeded \(exit 0\) in \d\.\d s on runner local \(\S+\)\n$/);
    // Printed as it arrived: the first line well before the last.
    const lines = writes.filter((w) => w.stream === 'stdout');
    expect(
      lines.find((w) => w.text.includes('check 4'))!.at - lines.find((w) => w.text.includes('check 1'))!.at,
    ).toBeGreaterThan(600);
  });

  it('reads a secret from the environment with --param-env, shows it redacted, and exits 1 when the step fails', async () => {
    const runId = await startRun();
    const run = await runCaptured(['run', 'step', runId, 's2', '--param-env', 'API_TOKEN=CLI_TEST_TOKEN'], {
      ...env,
      CLI_TEST_TOKEN: 'tok-from-env-123',
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('token is [REDACTED:API_TOKEN]\n');
    expect(run.stderr).toMatch(/^error: s2 attempt 1 failed \(exit 1\) in /m);
    expect(run.stderr).not.toContain('tok-from-env-123');
    const unset = await cli('run', 'step', runId, 's2', '--param-env', 'API_TOKEN=CLI_TEST_UNSET');
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain(
      '--param-env API_TOKEN=CLI_TEST_UNSET: CLI_TEST_UNSET is not set in the environment',
    );
    const missing = await cli('run', 'step', runId, 's2');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^ {2}\/parameters\/API_TOKEN: /m);
    expect(missing.stderr).toContain('--param-env name=ENV_VAR for secrets');
    const bad = await cli('run', 'step', runId, 's1', '--param', 'no-equals-sign');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('expected name=value');
  });

  it('refuses a changing step without --confirm (exit 1, says which flag), shows it with --dry-run, and runs it with --confirm', async () => {
    const runId = await startRun();
    const refused = await cli('run', 'step', runId, 's4');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('error: step s4 changes something: add --confirm to run it (HTTP 409 conflict)');
    const dry = await cli('run', 'step', runId, 's4', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toBe('mkdir -p /tmp/astreinte-cli-run-dir\n');
    const confirmed = await cli('run', 'step', runId, 's4', '--confirm', '--json');
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(JSON.parse(confirmed.stdout)).toMatchObject({
      execution: { stepId: 's4', status: 'succeeded', exitCode: 0 },
    });
    expect((await showRun(runId)).executions.map((e) => e.stepId)).toEqual(['s4']);
  });

  it('leaves a destructive step awaiting approval until a second responder approves it with run approve, then it runs', async () => {
    const target = '/tmp/astreinte-cli-approval';
    writeFileSync(target, 'stale');
    const runId = await startRun();
    const noReason = await cli('run', 'step', runId, 's5', '--param', 'name=approval');
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toContain('add --reason "why"');
    const requested = await cli('run', 'step', runId, 's5', '--param', 'name=approval', '--reason', 'stale lock file');
    expect(requested.code, requested.stderr).toBe(0);
    const executionId = /awaits the approval of a second responder: execution ([0-9a-f-]{36})/.exec(
      requested.stdout,
    )![1]!;
    expect(requested.stdout).toContain("rm -f /tmp/astreinte-cli-'approval'");
    expect(requested.stdout).toContain(`Approve: astreinte run approve ${runId} ${executionId} --reason "…"`);
    expect(existsSync(target)).toBe(true);

    const own = await cli('run', 'approve', runId, executionId, '--reason', 'mine');
    expect(own.code).toBe(1);
    expect(own.stderr).toContain('a second responder must approve this step');
    const noApprovalReason = await cli('run', 'approve', runId, executionId);
    expect(noApprovalReason.code).toBe(2);

    const approved = await runCaptured(
      ['run', 'approve', runId, executionId, '--reason', 'checked: the lock is stale'],
      { ...env, ASTREINTE_TOKEN: approverToken },
    );
    expect(approved.code, approved.stderr).toBe(0);
    expect(approved.stdout).toContain(`Approved s5 attempt 1 (execution ${executionId}): queued`);
    const followed = await cli('run', 'output', runId, executionId, '--follow');
    expect(followed.code, followed.stderr).toBe(0);
    expect(followed.stderr).toMatch(/s5 attempt 1 succeeded \(exit 0\)/);
    expect(existsSync(target)).toBe(false);
    expect((await showRun(runId)).executions[0]).toMatchObject({
      id: executionId,
      status: 'succeeded',
      requestedBy: 'Administrator',
      reason: 'stale lock file',
    });
  });

  it('refuses a destructive step with run refuse: it never runs', async () => {
    const target = '/tmp/astreinte-cli-refusal';
    writeFileSync(target, 'keep');
    const runId = await startRun();
    const requested = await cli('run', 'step', runId, 's5', '--param', 'name=refusal', '--reason', 'cleanup', '--json');
    const executionId = (JSON.parse(requested.stdout) as { execution: { id: string } }).execution.id;
    const refused = await runCaptured(['run', 'refuse', runId, executionId, '--reason', 'still in use'], {
      ...env,
      ASTREINTE_TOKEN: approverToken,
    });
    expect(refused.code, refused.stderr).toBe(0);
    expect(refused.stdout).toBe(`Refused s5 attempt 1 (execution ${executionId}): refused\n`);
    expect(existsSync(target)).toBe(true);
    rmSync(target, { force: true });
  });

  it('shows a run as a table of executions: step, attempt, status, exit, duration, requested by, command', async () => {
    const runId = await startRun();
    expect((await cli('run', 'step', runId, 's1', '--param', 'target=web')).code).toBe(0);
    expect((await cli('run', 'step', runId, 's1', '--param', 'target=api')).code).toBe(0);
    const show = await cli('run', 'show', runId);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/^Run:\s+[0-9a-f-]{36}$/m);
    expect(show.stdout).toMatch(new RegExp(`^Runbook:\\s+${runbookId} v1$`, 'm'));
    expect(show.stdout).toMatch(/^Incident:\s+- \(rehearsal\)$/m);
    expect(show.stdout).toMatch(
      /^EXECUTION\s+STEP\s+ATTEMPT\s+STATUS\s+EXIT\s+DURATION\s+REQUESTED BY\s+RUNNER\s+COMMAND$/m,
    );
    expect(show.stdout).toMatch(
      /^[0-9a-f-]{36}\s+s1\s+1\s+succeeded\s+0\s+\d\.\d s\s+Administrator\s+local \(\S+\)\s+for i in 1 2 3 4; do echo "check \$i of web"/m,
    );
    expect(show.stdout).toMatch(/^[0-9a-f-]{36}\s+s1\s+2\s+succeeded\s+0\s+/m);
    const executionId = (await showRun(runId)).executions[1]!.id;
    const output = await cli('run', 'output', runId, executionId);
    expect(output.stdout).toBe('check 1 of api\ncheck 2 of api\ncheck 3 of api\ncheck 4 of api\n');
    expect(output.stderr).toBe('checked\n');
    const json = await cli('run', 'output', runId, executionId, '--json');
    expect((JSON.parse(json.stdout) as { stream: string }[]).map((chunk) => chunk.stream)).toContain('stderr');
  });

  it('runs the read-only steps of a section, stopping at the failure, then skips a step and ends the run', async () => {
    const runId = await startRun();
    const sections = (await (
      await fetch(`${server.url}/api/v1/runbooks/${runbookId}`, {
        headers: { authorization: `Bearer ${server.adminToken!}` },
      })
    ).json()) as {
      structure: { sections: { kind: string }[] };
    };
    const diagnosis = sections.structure.sections.findIndex((section) => section.kind === 'diagnosis');
    const section = await runCaptured(
      ['run', 'section', runId, String(diagnosis), '--param', 'target=all', '--param-env', 'API_TOKEN=CLI_TEST_TOKEN'],
      {
        ...env,
        CLI_TEST_TOKEN: 'tok-from-env-456',
      },
    );
    expect(section.code, section.stderr).toBe(0);
    expect(section.stdout).toBe(`Queued s1, s2, s3 (one after the other).\nFollow: astreinte run show ${runId}\n`);
    let statuses: string[] = [];
    for (let i = 0; i < 100 && !statuses.includes('skipped'); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      statuses = (await showRun(runId)).executions.map((e) => e.status);
    }
    expect(statuses).toEqual(['succeeded', 'failed', 'skipped']);
    expect((await cli('run', 'section', runId, 'x')).code).toBe(2);

    const skipped = await cli('run', 'skip', runId, 's4', '--note', 'not needed');
    expect(skipped, skipped.stderr).toMatchObject({ code: 0, stdout: 's4 attempt 1: skipped.\n' });
    const notManual = await cli('run', 'check', runId, 's4', '--note', 'done');
    expect(notManual.code).toBe(1);
    expect(notManual.stderr).toContain('/outcome: only manual steps are checked off');
    const ended = await cli('run', 'end', runId, '--outcome', 'failed', '--note', 'the API token is wrong');
    expect(ended.code, ended.stderr).toBe(0);
    expect(ended.stdout).toMatch(/^Status:\s+failed$/m);
    expect((await cli('run', 'end', runId, '--outcome', 'maybe')).code).toBe(2);
  });

  it('cancels a running sleep 30 step with run cancel, and the follower ends with exit 1', async () => {
    const runId = await startRun();
    const following = cli('run', 'step', runId, 's3');
    let execution: Run['executions'][number] | undefined;
    for (let i = 0; i < 100 && execution?.status !== 'running'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      execution = (await showRun(runId)).executions[0];
    }
    const cancelled = await cli('run', 'cancel', runId, execution!.id);
    expect(cancelled.code, cancelled.stderr).toBe(0);
    expect(cancelled.stdout).toMatch(/^s3 attempt 1 cancelled in [\d.]+ m?s on runner local \(\S+\)$/m);
    const followed = await following;
    expect(followed.code).toBe(1);
    expect(followed.stderr).toMatch(/^error: s3 attempt 1 cancelled/m);
    const again = await cli('run', 'cancel', runId, execution!.id);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('the step is already cancelled (HTTP 409 conflict)');
  });

  it('resumes a cut event stream where it stopped, printing each line once', async () => {
    const proxy = await cuttingProxy(server.url);
    try {
      const runId = await startRun();
      const run = await runCaptured(['run', 'step', runId, 's1', '--param', 'target=cut'], {
        ...env,
        ASTREINTE_URL: proxy.url,
      });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe('check 1 of cut\ncheck 2 of cut\ncheck 3 of cut\ncheck 4 of cut\n');
      expect(proxy.streams()).toBeGreaterThan(1);
    } finally {
      await new Promise((resolve) => proxy.server.close(resolve));
    }
  });

  it('starts a step without following it (--no-follow) and answers JSON', async () => {
    const runId = await startRun();
    const started = await cli('run', 'step', runId, 's1', '--param', 'target=json', '--no-follow', '--json');
    expect(started.code, started.stderr).toBe(0);
    const result = JSON.parse(started.stdout) as { execution: { id: string; status: string }; preview: string };
    expect(['queued', 'running']).toContain(result.execution.status);
    expect(result.preview).toContain('echo "check $i of json"');
    const followed = await cli('run', 'output', runId, result.execution.id, '--follow', '--json');
    expect(followed.code, followed.stderr).toBe(0);
    const chunks = JSON.parse(followed.stdout) as { stream: string; text: string }[];
    expect(
      chunks
        .filter((c) => c.stream === 'stdout')
        .map((c) => c.text)
        .join(''),
    ).toContain('check 4 of json');
    const unknown = await cli('run', 'show', '00000000-0000-4000-8000-000000000000');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('HTTP 404 not_found');
  });
});

/**
 * A proxy to the server that cuts the first event stream it relays right after the first output
 * event, as a flaky network would; every other request goes through unchanged.
 */
async function cuttingProxy(upstream: string): Promise<{ server: Server; url: string; streams(): number }> {
  let streams = 0;
  const proxy = createServer((request, response) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(([name]) => name !== 'host' && name !== 'connection'),
      ) as Record<string, string>;
      const answer = await fetch(`${upstream}${request.url ?? '/'}`, {
        method: request.method ?? 'GET',
        headers,
        ...(chunks.length === 0 ? {} : { body: Buffer.concat(chunks) }),
      });
      response.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/octet-stream',
      });
      const cut = request.url?.endsWith('/events') === true && (streams += 1) === 1;
      for await (const bytes of answer.body ?? []) {
        response.write(bytes);
        if (cut && Buffer.from(bytes).toString().includes('event: output')) return void response.destroy();
      }
      response.end();
    })().catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address() as { port: number };
  return { server: proxy, url: `http://127.0.0.1:${address.port}`, streams: () => streams };
}
