import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningNode } from '../../src/node/start-node.js';
import { runCaptured, startTestServer, tempDir, type TempDir } from './cli-harness.js';

describe('astreinte oncall now and schedule show, against a running server', () => {
  let server: RunningNode;
  let dir: TempDir;
  let env: Record<string, string>;
  const cli = (...argv: string[]) => runCaptured(argv, env);

  beforeAll(async () => {
    dir = await tempDir();
    server = await startTestServer(dir.path);
    env = { ASTREINTE_URL: server.url, ASTREINTE_TOKEN: server.adminToken! };
    const { rows } = await server.db.query<{ id: string }>(
      `INSERT INTO users (username, name, email, role) VALUES ('alice', 'Alice Martin', 'alice@example.test', 'responder'), ('bruno', 'Bruno Keller', 'bruno@example.test', 'responder') RETURNING id`,
    );
    const [alice, bruno] = rows.map((row) => row.id);
    const response = await fetch(`${server.url}/api/v1/schedules/support`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${server.adminToken!}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Support',
        definition: {
          timeZone: 'Europe/Zurich',
          layers: [
            {
              id: 'daily',
              name: 'Daily',
              rotation: { kind: 'daily', handoffTime: '08:00' },
              startsAt: '2026-03-27T08:00:00+01:00',
              participants: [alice, bruno],
            },
          ],
          overrides: [
            {
              id: 'night-cover',
              userId: bruno,
              startsAt: '2026-03-28T01:00:00+01:00',
              endsAt: '2026-03-28T05:00:00+01:00',
              reason: 'Alice sleeps',
            },
          ],
        },
      }),
    });
    expect(response.status, await response.text()).toBe(201);
  });
  afterAll(async () => {
    // afterAll runs even when beforeAll failed before setting them.
    await (server as RunningNode | undefined)?.close();
    await (dir as TempDir | undefined)?.remove();
  });

  it('says who is on call at an instant, and that an override is why', async () => {
    const run = await cli('oncall', 'now', '--at', '2026-03-28T02:00:00+01:00');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/support\s+Bruno Keller\s+.*override/);
    const json = await cli('oncall', 'now', '--schedule', 'support', '--at', '2026-03-27T09:00:00+01:00', '--json');
    expect(JSON.parse(json.stdout)[0].onCall).toMatchObject({
      name: 'Alice Martin',
      until: '2026-03-28T00:00:00.000Z',
    });
  });

  it('shows the shifts of a schedule across the spring-forward night, by name', async () => {
    const run = await cli(
      'schedule',
      'show',
      'support',
      '--from',
      '2026-03-28T07:00:00Z',
      '--to',
      '2026-03-30T07:00:00Z',
      '--json',
    );
    expect(run.code, run.stderr).toBe(0);
    const { shifts } = JSON.parse(run.stdout) as { shifts: { userId: string; start: string; end: string }[] };
    // The 08:00 Zurich handoff is 07:00 UTC before the change and 06:00 UTC after it: Bruno's shift lasts 23 hours.
    expect(shifts.map((shift) => [shift.start, shift.end])).toEqual([
      ['2026-03-28T07:00:00.000Z', '2026-03-29T06:00:00.000Z'],
      ['2026-03-29T06:00:00.000Z', '2026-03-30T06:00:00.000Z'],
      ['2026-03-30T06:00:00.000Z', '2026-03-30T07:00:00.000Z'],
    ]);
    const table = await cli(
      'schedule',
      'show',
      'support',
      '--from',
      '2026-03-28T07:00:00Z',
      '--to',
      '2026-03-30T07:00:00Z',
    );
    expect(table.stdout).toMatch(/Support \(support\), Europe\/Zurich: 1 layer\(s\), 1 override\(s\)/);
    expect(table.stdout).toMatch(/Bruno Keller/);
    expect(table.stdout).toMatch(/Alice Martin/);
  });

  it("exports the schedule, and one person's shifts, as iCalendar", async () => {
    const url = `${server.url}/api/v1/schedules/support/calendar.ics?from=2026-03-28T00:00:00Z&to=2026-03-31T00:00:00Z`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${server.adminToken!}` } });
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await response.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR/);
    expect(text.match(/BEGIN:VEVENT/g)?.length).toBeGreaterThanOrEqual(4);
    expect(text).toContain('Bruno Keller');
    const { rows } = await server.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'alice'`);
    const mine = await (
      await fetch(`${url}&user=${rows[0]!.id}`, { headers: { authorization: `Bearer ${server.adminToken!}` } })
    ).text();
    expect(mine).not.toContain('Bruno Keller');
    expect(mine.match(/BEGIN:VEVENT/g)?.length).toBeGreaterThanOrEqual(1);
  });
});
