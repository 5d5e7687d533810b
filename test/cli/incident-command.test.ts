import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningNode } from '../../src/node/start-node.js';
import { runCaptured, startTestServer, tempDir, type TempDir, unusedPort } from './cli-harness.js';

describe('astreinte incident, against a running server', () => {
  let server: RunningNode;
  let dir: TempDir;
  let env: Record<string, string>;
  const cli = (...argv: string[]) => runCaptured(argv, env);
  const declare = async (title: string, ...flags: string[]): Promise<string> => {
    const run = await cli('incident', 'declare', title, '--json', ...flags);
    expect(run.code, run.stderr).toBe(0);
    return (JSON.parse(run.stdout) as { id: string }).id;
  };

  beforeAll(async () => {
    dir = await tempDir();
    server = await startTestServer(dir.path);
    env = { ASTREINTE_URL: server.url, ASTREINTE_TOKEN: server.adminToken! };
    await server.db.query(`INSERT INTO services (id, name) VALUES ('checkout', 'Checkout'), ('payments', 'Payments')`);
  });
  afterAll(async () => {
    // afterAll runs even when beforeAll failed before setting them.
    await (server as RunningNode | undefined)?.close();
    await (dir as TempDir | undefined)?.remove();
  });

  it('declares an incident with severity, services, labels and texts', async () => {
    const run = await cli(
      'incident',
      'declare',
      'Checkout fails',
      '--severity',
      'p1',
      '--service',
      'checkout',
      '--service',
      'payments',
      '--summary',
      'card payments time out',
      '--impact',
      'no orders',
      '--label',
      'team=shop',
      '--label',
      'region=eu',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Declared INC-\d+ \[P1\] triggered: Checkout fails$/m);
    expect(run.stdout).toMatch(/astreinte incident ack INC-\d+/);
    const id = /INC-\d+/.exec(run.stdout)![0];
    const shown = await cli('incident', 'show', id, '--json');
    expect(JSON.parse(shown.stdout).incident).toMatchObject({
      title: 'Checkout fails',
      severity: 'P1',
      services: ['checkout', 'payments'],
      summary: 'card payments time out',
      impact: 'no orders',
      labels: { team: 'shop', region: 'eu' },
    });
  });

  it('lists incidents as an aligned table and as the API JSON', async () => {
    const id = await declare('Search is slow', '--severity', 'P4', '--service', 'checkout');
    const table = await cli('incident', 'list', '--severity', 'P4');
    expect(table.code, table.stderr).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+SEV\s+STATUS\s+DETECTED\s+SERVICES\s+TITLE$/);
    const row = lines.find((line) => line.startsWith(`${id} `))!;
    expect(row).toMatch(/P4\s+triggered\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+checkout\s+Search is slow$/);
    expect(row.indexOf('P4')).toBe(lines[0]!.indexOf('SEV'));
    expect(row.indexOf('Search is slow')).toBe(lines[0]!.indexOf('TITLE'));

    const json = await cli('incident', 'list', '--json', '--status', 'triggered', '--open');
    expect(json.code, json.stderr).toBe(0);
    const page = JSON.parse(json.stdout) as { items: { id: string; status: string }[]; total: number };
    expect(page.items.map((incident) => incident.id)).toContain(id);
    expect(page.items.every((incident) => incident.status === 'triggered')).toBe(true);
    expect(page.total).toBe(page.items.length);
  });

  it('shows an incident with its timeline, after ack, mitigate and resolve with notes', async () => {
    const id = await declare('Queue backlog', '--severity', 'P2');
    const ack = await cli('incident', 'ack', id, '--note', 'looking at the consumers');
    expect(ack.code, ack.stderr).toBe(0);
    expect(ack.stdout).toContain(`${id} is now acknowledged`);
    const mitigate = await cli('incident', 'mitigate', id, '--note', 'scaled consumers to 10');
    expect(mitigate.stdout).toContain(`${id} is now mitigated`);
    const resolve = await cli('incident', 'resolve', id, '--json');
    expect(resolve.code, resolve.stderr).toBe(0);
    expect(JSON.parse(resolve.stdout)).toMatchObject({ id, status: 'resolved', allowedActions: ['reopen'] });

    const show = await cli('incident', 'show', id);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/^Status:\s+resolved$/m);
    expect(show.stdout).toMatch(/^Severity:\s+P2$/m);
    expect(show.stdout).toContain(`astreinte incident reopen ${id}`);
    const timeline = show.stdout.slice(show.stdout.indexOf('Timeline'));
    expect(timeline).toMatch(/^1\s+\S+ \S+\s+Administrator\s+incident_declared\s+P2 "Queue backlog"$/m);
    expect(timeline).toMatch(/^2 .*incident_acknowledged\s+triggered → acknowledged: looking at the consumers$/m);
    expect(timeline).toMatch(/^3 .*incident_mitigated\s+acknowledged → mitigated: scaled consumers to 10$/m);
    expect(timeline).toMatch(/^4 .*incident_resolved\s+mitigated → resolved$/m);

    const reopen = await cli('incident', 'reopen', id);
    expect(reopen.stdout).toContain(`${id} is now triggered`);
  });

  it('refuses an invalid transition with exit code 1 and prints the allowed next states', async () => {
    const id = await declare('Disk full');
    const run = await cli('incident', 'mitigate', id);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`cannot mitigate an incident that is triggered`);
    expect(run.stderr).toMatch(/allowed next states: acknowledged, resolved/);
  });

  it('reports a 400 naming the failing field (bad severity)', async () => {
    const run = await cli('incident', 'declare', 'Wrong severity', '--severity', 'P7');
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toMatch(/^error: .*HTTP 400 validation_failed/);
    expect(run.stderr).toMatch(/^ {2}\/severity: must be equal to one of the allowed values$/m);
  });

  it('reports an unknown incident as not found', async () => {
    const run = await cli('incident', 'show', 'INC-999999');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('incident INC-999999 does not exist (HTTP 404 not_found)');
  });

  it('explains a missing token and a refused one (401)', async () => {
    const missing = await runCaptured(['incident', 'list', '--url', server.url], {});
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('HTTP 401 unauthenticated');
    expect(missing.stderr).toContain('no API token was given: pass --token or set ASTREINTE_TOKEN');
    const refused = await runCaptured(['incident', 'list', '--url', server.url, '--token', 'ast_not-a-real-token'], {});
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('this token is not valid, revoked or expired');
  });

  it('names the URL when the server cannot be reached', async () => {
    const url = `http://127.0.0.1:${await unusedPort()}`;
    const run = await runCaptured(['incident', 'list', '--url', url, '--token', server.adminToken!], {});
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `error: cannot connect to Astreinte at ${url}: connection refused — is the server running? (set --url or ASTREINTE_URL)\n`,
    );
  });

  it('rejects bad usage with exit code 2 before calling the server', async () => {
    const label = await cli('incident', 'declare', 'Bad label', '--label', 'no-equals-sign');
    expect(label.code).toBe(2);
    expect(label.stderr).toContain('expected key=value');
    const unknown = await cli('incident', 'lst');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command');
    const badUrl = await runCaptured(['incident', 'list', '--url', 'not a url'], {});
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain('"not a url" is not a valid server URL');
  });
});
