import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningNode } from '../../src/node/start-node.js';
import { runCaptured, startTestServer, tempDir, type TempDir } from './cli-harness.js';

/** A runbook that looks, acts and verifies: lint has no error to report. */
function goodRunbook(title: string): string {
  return [
    `# ${title}`,
    '',
    '**Severity**: P2',
    '',
    '## Diagnosis',
    '',
    '```bash',
    'curl -sI https://www.example.test',
    '```',
    '',
    '## Resolution',
    '',
    '```bash',
    'systemctl restart nginx',
    '```',
    '',
    '## Verification',
    '',
    '```bash',
    'curl -sI https://www.example.test',
    '```',
    '',
  ].join('\n');
}

/** A runbook whose first step wipes data before anything was looked at. */
function riskyRunbook(title: string): string {
  return [`# ${title}`, '', '## Resolution', '', '```bash', 'redis-cli FLUSHALL', '```', ''].join('\n');
}

describe('astreinte runbook, against a running server', () => {
  let server: RunningNode;
  let dir: TempDir;
  let env: Record<string, string>;
  const cli = (...argv: string[]) => runCaptured(argv, env);

  beforeAll(async () => {
    dir = await tempDir();
    server = await startTestServer(join(dir.path, 'data'));
    env = { ASTREINTE_URL: server.url, ASTREINTE_TOKEN: server.adminToken! };
    const docs = join(dir.path, 'docs');
    await mkdir(join(docs, 'web'), { recursive: true });
    await mkdir(join(docs, '.git'), { recursive: true });
    await writeFile(join(docs, 'nginx.md'), goodRunbook('Nginx down'));
    await writeFile(join(docs, 'web', 'cdn.markdown'), goodRunbook('CDN purge'));
    await writeFile(join(docs, 'web', 'notes.txt'), goodRunbook('Cache warmup'));
    await writeFile(join(docs, 'web', 'diagram.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    await writeFile(join(docs, '.git', 'HEAD.md'), goodRunbook('Never imported'));
  });
  afterAll(async () => {
    // afterAll runs even when beforeAll failed before setting them.
    await (server as RunningNode | undefined)?.close();
    await (dir as TempDir | undefined)?.remove();
  });

  it('imports a folder recursively (*.md, *.markdown, *.txt) and a second time changes nothing', async () => {
    const docs = join(dir.path, 'docs');
    const run = await cli('runbook', 'import', docs);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /nginx\.md: 1 runbook \(1 created\), 0 drafts, \d+ leftovers?, lint: 0 errors, \d+ warnings?/,
    );
    expect(run.stdout).toMatch(/^ {2}created {3}nginx-down v1 {2}"Nginx down"$/m);
    expect(run.stdout).toContain('cdn-purge v1');
    expect(run.stdout).toContain('cache-warmup v1');
    expect(run.stdout).not.toContain('diagram.png');
    expect(run.stdout).not.toContain('never-imported');

    const again = await cli('runbook', 'import', docs, '--json');
    expect(again.code, again.stderr).toBe(0);
    const results = JSON.parse(again.stdout) as { file: string; report: { runbooks: { status: string }[] } }[];
    expect(results).toHaveLength(3);
    expect(results.flatMap((result) => result.report.runbooks.map((runbook) => runbook.status))).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
  });

  it('goes on past a file the server refuses and exits 1 naming it', async () => {
    const bad = join(dir.path, 'bad');
    await mkdir(bad, { recursive: true });
    await writeFile(join(bad, 'a-screenshot.md'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    await writeFile(join(bad, 'b-ok.md'), goodRunbook('Queue stuck'));
    const run = await cli('runbook', 'import', bad);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/a-screenshot\.md: failed: .*HTTP 400 validation_failed/);
    expect(run.stdout).toContain('queue-stuck v1');
    expect(run.stderr).toContain('1 of 2 file(s) could not be imported');
  });

  it('lists, shows, exports and deletes runbooks', async () => {
    await cli('runbook', 'import', join(dir.path, 'docs', 'nginx.md'));
    const list = await cli('runbook', 'list', '--search', 'nginx');
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/^ID\s+KIND\s+SEV\s+VER\s+UPDATED\s+TITLE$/);
    expect(list.stdout).toMatch(/^nginx-down\s+\w+\s+\S+\s+1\s+.*Nginx down$/m);

    const show = await cli('runbook', 'show', 'nginx-down');
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/^Title:\s+Nginx down$/m);
    expect(show.stdout).toMatch(/^VER\s+CREATED\s+BY\s+FILE$/m);
    const markdown = await cli('runbook', 'show', 'nginx-down', '--markdown', '--version', '1');
    expect(markdown.stdout).toMatch(/^# Nginx down\n/);
    expect(markdown.stdout).toContain('systemctl restart nginx');

    const out = join(dir.path, 'nginx-export.md');
    const exported = await cli('runbook', 'export', 'nginx-down', '-o', out);
    expect(exported.code, exported.stderr).toBe(0);
    expect(await readFile(out, 'utf8')).toBe(markdown.stdout);
    const stdoutExport = await cli('runbook', 'export', 'nginx-down');
    expect(stdoutExport.stdout).toBe(markdown.stdout);

    const lint = await cli('runbook', 'lint', '--id', 'nginx-down');
    expect(lint.code, lint.stderr).toBe(0);
    expect(lint.stdout).toMatch(/0 errors, \d+ warnings? in 1 file\(s\)/);

    const deleted = await cli('runbook', 'delete', 'nginx-down');
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout).toContain('Deleted nginx-down: Nginx down');
    expect((await cli('runbook', 'list', '--search', 'nginx')).stdout).toContain('No runbooks.');
    expect((await cli('runbook', 'list', '--search', 'nginx', '--deleted')).stdout).toContain('Nginx down (deleted)');
    const missing = await cli('runbook', 'show', 'no-such-runbook');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('runbook no-such-runbook does not exist (HTTP 404 not_found)');
  });

  it('rejects bad usage with exit code 2', async () => {
    expect((await cli('runbook', 'import', join(dir.path, 'nowhere'))).code).toBe(2);
    expect((await cli('runbook', 'show', 'x', '--version', 'two')).code).toBe(2);
    expect((await cli('runbook', 'lint')).code).toBe(2);
    expect((await cli('runbook', 'list', '--kind', 'recipe')).code).toBe(2);
  });
});

describe('astreinte runbook lint, offline', () => {
  let dir: TempDir;
  // No server and no URL: lint of local files must not need one.
  const lint = (...paths: string[]) =>
    runCaptured(['runbook', 'lint', ...paths], { ASTREINTE_URL: 'http://127.0.0.1:9' });

  beforeAll(async () => {
    dir = await tempDir();
    await writeFile(join(dir.path, 'good.md'), goodRunbook('Nginx down'));
    await writeFile(join(dir.path, 'risky.md'), riskyRunbook('Redis full'));
  });
  afterAll(async () => {
    // afterAll runs even when beforeAll failed before setting it.
    await (dir as TempDir | undefined)?.remove();
  });

  it('exits 0 when there are only warnings', async () => {
    const run = await lint(join(dir.path, 'good.md'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^0 errors, \d+ warnings? in 1 file\(s\)$/m);
  });

  it('exits 1 on an error-level finding and prints it as file:line rule message', async () => {
    const file = join(dir.path, 'risky.md');
    const run = await lint(dir.path);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${file}:5 destructive-without-diagnosis error: step s1`);
    expect(run.stdout).toMatch(/^1 error, \d+ warnings? in 2 file\(s\)$/m);
    expect(run.stderr).toBe('error: lint found errors\n');
    const json = await runCaptured(['runbook', 'lint', file, '--json'], {});
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)[0].findings).toContainEqual(
      expect.objectContaining({ rule: 'destructive-without-diagnosis', severity: 'error', line: 5 }),
    );
  });

  it('exits 1 for a file that is not text, and 2 for a path that does not exist', async () => {
    const png = join(dir.path, 'shot.txt');
    await writeFile(png, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const run = await lint(png);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${png}: cannot lint:`);
    expect((await lint(join(dir.path, 'missing.md'))).code).toBe(2);
  });
});
