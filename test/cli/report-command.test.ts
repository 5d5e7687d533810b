import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningNode } from '../../src/node/start-node.js';
import { formatSeconds, formatShare } from '../../src/cli/report-format.js';
import { runCaptured, startTestServer, tempDir, type TempDir } from './cli-harness.js';

describe('astreinte report, against a running server', () => {
  let server: RunningNode;
  let dir: TempDir;
  let env: Record<string, string>;
  const cli = (...argv: string[]) => runCaptured(argv, env);

  beforeAll(async () => {
    dir = await tempDir();
    server = await startTestServer(dir.path);
    env = { ASTREINTE_URL: server.url, ASTREINTE_TOKEN: server.adminToken! };
    // Detected two hours ago, resolved now: a P1 that missed its one-hour target.
    const detectedAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const declared = await cli('incident', 'declare', 'Checkout down', '--severity', 'P1', '--json');
    expect(declared.code, declared.stderr).toBe(0);
    const { id } = JSON.parse(declared.stdout) as { id: string };
    await server.db.query('UPDATE incidents SET detected_at = $2 WHERE id = $1', [id, new Date(detectedAt)]);
    expect((await cli('incident', 'resolve', id)).code).toBe(0);
  });
  afterAll(async () => {
    // afterAll runs even when beforeAll failed before setting them.
    await (server as RunningNode | undefined)?.close();
    await (dir as TempDir | undefined)?.remove();
  });

  it('prints response times and target compliance as aligned tables, and JSON with --json', async () => {
    const table = await cli('report', 'response-times', '--by', 'severity', '--time-zone', 'Europe/Paris');
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^From \S+ to \S+ \(Europe\/Paris\)\n/);
    expect(table.stdout).toMatch(
      /severity\s+incidents\s+acked\s+mtta mean\s+p50\s+p90\s+resolved\s+mttr mean\s+p50\s+p90/,
    );
    expect(table.stdout).toMatch(/\nP1\s+1\s+0\s+-\s+-\s+-\s+1\s+(1 h 59 min|2 h 00 min)\s/);
    expect(table.stdout).toMatch(/\nall\s+1\s+0\s+-/);
    const json = await cli('report', 'target-compliance', '--json');
    expect(JSON.parse(json.stdout).overall).toMatchObject({
      incidents: 1,
      withinTarget: 0,
      missedTarget: 1,
      withinTargetRatio: 0,
    });
    const compliance = await cli('report', 'target-compliance', '--by', 'team');
    expect(compliance.stdout).toMatch(/\(none\)\s+1\s+0\s+1\s+0\s+0\s+0\.0%/);
  });

  it('prints weeks, alert noise, runbook usage and health trends', async () => {
    const weeks = await cli('report', 'incidents-per-week', '--time-zone', 'Europe/Paris');
    expect(weeks.code, weeks.stderr).toBe(0);
    expect(weeks.stdout).toMatch(/week of\s+incidents\s+P1\s+P2\s+P3\s+P4\s+resolved/);
    expect(weeks.stdout).toMatch(/1 incident\(s\); \* week cut by the period/);
    const noise = await cli('report', 'alert-noise', '--by', 'fingerprint', '--limit', '5');
    expect(noise.stdout).toMatch(
      /0 alert\(s\), 0 notification\(s\), 0 muted, 0 fed an incident, 0 never led to action \(-\)/,
    );
    const runbooks = await cli('report', 'runbook-usage');
    expect(runbooks.stdout).toMatch(/0 run\(s\) in the period/);
    const trends = await cli('report', 'health-trends', '--days', '3');
    expect(trends.stdout.trim().split('\n')).toHaveLength(5);
    expect(trends.stdout).toMatch(/: all services\nday\s+incidents\s+resolved\s+mttr\s+alerts\s+uptime/);
  });

  it('says which field is wrong, and refuses bad flags before asking', async () => {
    const zone = await cli('report', 'incidents-per-week', '--time-zone', 'Mars/Olympus');
    expect(zone.code).toBe(1);
    expect(zone.stderr).toMatch(/\/querystring\/timeZone: Mars\/Olympus is not an IANA time zone/);
    const long = await cli('report', 'response-times', '--from', '2024-01-01', '--to', '2026-01-01');
    expect(long.code).toBe(1);
    expect(long.stderr).toMatch(/\/querystring\/to: the period is at most 366 days/);
    const by = await cli('report', 'response-times', '--by', 'planet');
    expect(by.code).toBe(2);
    const service = await cli('report', 'health-trends', '--service', 'nope');
    expect(service.code).toBe(1);
  });

  it('writes durations and shares the way people read them', () => {
    expect([
      formatSeconds(null),
      formatSeconds(45),
      formatSeconds(725),
      formatSeconds(12_000),
      formatSeconds(187_200),
    ]).toEqual(['-', '45 s', '12 min 05 s', '3 h 20 min', '2 d 4 h']);
    expect([formatShare(null), formatShare(0.6667), formatShare(1)]).toEqual(['-', '66.7%', '100.0%']);
  });
});
