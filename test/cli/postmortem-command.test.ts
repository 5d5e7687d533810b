import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningNode } from '../../src/node/start-node.js';
import { runCaptured, startTestServer, tempDir, type TempDir } from './cli-harness.js';

describe('astreinte postmortem, against a running server', () => {
  let server: RunningNode;
  let dir: TempDir;
  let env: Record<string, string>;
  const cli = (...argv: string[]) => runCaptured(argv, env);
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${env['ASTREINTE_TOKEN']}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    return response.json() as Promise<Record<string, unknown>>;
  };

  beforeAll(async () => {
    dir = await tempDir();
    server = await startTestServer(dir.path);
    env = { ASTREINTE_URL: server.url, ASTREINTE_TOKEN: server.adminToken! };
  });
  afterAll(async () => {
    // afterAll runs even when beforeAll failed before setting them.
    await (server as RunningNode | undefined)?.close();
    await (dir as TempDir | undefined)?.remove();
  });

  it('drafts a post-mortem in a time zone, shows it, prints its Markdown, and refuses a second draft with the reason', async () => {
    const declared = await cli('incident', 'declare', 'Checkout fails', '--severity', 'P2', '--json');
    const id = (JSON.parse(declared.stdout) as { id: string }).id;
    expect((await cli('incident', 'ack', id)).code).toBe(0);
    expect((await cli('incident', 'resolve', id)).code).toBe(0);

    const drafted = await cli('postmortem', 'draft', id, '--time-zone', 'Europe/Paris');
    expect(drafted.code, drafted.stderr).toBe(0);
    expect(drafted.stdout).toContain('Post-mortem: Checkout fails');
    expect(drafted.stdout).toMatch(/^Time zone:\s+Europe\/Paris, UTC\+0[12]:00$/m);
    expect(drafted.stdout).toMatch(/Acknowledged by Administrator/);
    expect(drafted.stdout).toMatch(/^Time to resolve\s+\S.*P2 target 4 h 00 min: met$/m);
    expect(drafted.stdout).toContain('Still to write: Summary, Impact, Root cause, Resolution, Lessons learned');

    const again = await cli('postmortem', 'draft', id);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already has a post-mortem: send replace: true');
    const bad = await cli('postmortem', 'draft', id, '--replace', '--time-zone', 'Mars/Olympus');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('/timeZone: Mars/Olympus is not an IANA time zone');

    const markdown = await cli('postmortem', 'show', id, '--markdown');
    expect(markdown.code, markdown.stderr).toBe(0);
    expect(markdown.stdout).toMatch(/^# Post-mortem: Checkout fails\n/);
    expect(markdown.stdout).toContain('## Timeline');
    const html = await cli('postmortem', 'show', id, '--html');
    expect(html.stdout).toMatch(/^<!doctype html>/);
    const json = await cli('postmortem', 'show', id, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ incidentId: id, status: 'draft', timeZone: 'Europe/Paris' });
    const missing = await cli('postmortem', 'show', 'INC-999', '--markdown');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('post-mortem of incident INC-999 does not exist (HTTP 404 not_found)');
  });

  it('lists corrective actions, and only the overdue ones with --overdue', async () => {
    const declared = await cli('incident', 'declare', 'Queue stuck', '--json');
    const id = (JSON.parse(declared.stdout) as { id: string }).id;
    expect((await cli('postmortem', 'draft', id, '--time-zone', 'UTC')).code).toBe(0);
    await api('POST', `/api/v1/incidents/${id}/postmortem/actions`, {
      title: 'Alert on queue depth',
      dueDate: '2020-01-31',
      term: 'short',
    });
    await api('POST', `/api/v1/incidents/${id}/postmortem/actions`, {
      title: 'Load test consumers',
      dueDate: '2999-01-01',
    });
    const all = await cli('postmortem', 'actions', '--incident', id);
    expect(all.code, all.stderr).toBe(0);
    const lines = all.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^INCIDENT\s+STATUS\s+DUE\s+OWNER\s+TERM\s+TITLE$/);
    expect(lines[1]).toMatch(
      new RegExp(`^${id}\\s+open\\s+2020-01-31 \\(overdue\\)\\s+-\\s+short\\s+Alert on queue depth$`),
    );
    expect(lines[2]).toMatch(/open\s+2999-01-01\s+-\s+-\s+Load test consumers$/);
    const overdue = await cli('postmortem', 'actions', '--overdue', '--json');
    const listed = JSON.parse(overdue.stdout) as { title: string }[];
    expect(listed.map((action) => action.title)).toEqual(['Alert on queue depth']);
  });
});
