import { describe, expect, it } from 'vitest';
import { cleanEnv, spawnCli, type CliProcess } from '../cli/cli-harness.js';
import { eventually } from '../support/eventually.js';
import { startRecordingServer } from '../support/recording-server.js';
import { openTestDatabase, testBackends } from '../support/test-database.js';

const secretKey = 'cd'.repeat(32);

/**
 * Two server processes on one PostgreSQL escalate the same incidents: every page is sent once.
 * Then one of them is killed with SIGKILL in the middle of a level; the other carries on,
 * and nothing is sent twice or lost.
 */
describe.skipIf(!testBackends[1]!.available)('escalations shared by two nodes', () => {
  it('pages every person of every level exactly once, even when a node is killed mid-way', async () => {
    const test = await openTestDatabase('postgres', { migrate: false });
    const hook = await startRecordingServer();
    const env = cleanEnv({ ASTREINTE_SECRET_KEY: secretKey, ASTREINTE_TIMER_POLL_MS: '30' });
    const nodes: CliProcess[] = [];
    const start = async (): Promise<{ node: CliProcess; url: string }> => {
      const node = spawnCli(['serve', '--database-url', test.url!, '--port', '0', '--log-level', 'silent'], env);
      nodes.push(node);
      const [, url] = await node.waitFor(/^Astreinte listening on (http:\/\/\S+)$/m);
      return { node, url: url! };
    };
    try {
      const first = await start();
      const [, token] = await first.node.waitFor(/^First admin token .*: (ast_\S+)$/m);
      const second = await start();
      const call = async (base: string, method: string, path: string, body?: unknown) => {
        const response = await fetch(`${base}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token!}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await response.text();
        if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
        return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
      };
      // Three people, one per level; each is reached by the signed webhook.
      const { rows: people } = await test.db.query<{ id: string }>(
        `INSERT INTO users (username, name, email, role) VALUES ('l1', 'Level One', 'l1@example.test', 'responder'), ('l2', 'Level Two', 'l2@example.test', 'responder'), ('l3', 'Level Three', 'l3@example.test', 'responder') RETURNING id`,
      );
      await test.db.query(
        `UPDATE users SET notification_rules = '[{"channel": "webhook", "delayMinutes": 0}]' WHERE username IN ('l1', 'l2', 'l3')`,
      );
      await call(first.url, 'PUT', '/api/v1/notification-channels/hook', {
        name: 'Hook',
        config: { kind: 'webhook', url: `${hook.url}/pages`, secret: 'a-webhook-secret-of-32-characters' },
      });
      await call(first.url, 'PUT', '/api/v1/escalation-policies/three', {
        name: 'Three levels',
        levels: people.map((person, index) => ({
          delayMinutes: index === 0 ? 0 : 10,
          targets: [{ type: 'user', id: person.id }],
        })),
      });
      await call(first.url, 'POST', '/api/v1/services', { id: 'shared', name: 'Shared' });
      await call(first.url, 'PUT', '/api/v1/services/shared/escalation-policy', { policyId: 'three' });

      const incidents: string[] = [];
      for (let index = 0; index < 12; index += 1) {
        const created = await call(index % 2 === 0 ? first.url : second.url, 'POST', '/api/v1/incidents', {
          title: `Shared outage ${index}`,
          services: ['shared'],
        });
        incidents.push(String(created['id']));
      }
      const pagesFor = (level: number) =>
        hook.requests.filter(
          (request) => /\.l(\d)\./.exec(String(request.headers['x-astreinte-delivery']))?.[1] === String(level - 1),
        );
      await eventually('level 1 pages', () => (pagesFor(1).length >= incidents.length ? true : null), 20_000);

      // Level 2 falls due on both nodes at once; the first node dies with SIGKILL right after.
      await test.db.query(`UPDATE timers SET due_at = now() WHERE kind = 'escalate' AND done_at IS NULL`);
      await eventually('some level 2 pages', () => (pagesFor(2).length > 0 ? true : null), 20_000);
      first.node.kill('SIGKILL');
      await first.node.exited;
      // Leases the dead node held expire after 30 s; made to expire now, as time would.
      await test.db.query(
        `UPDATE timers SET lease_until = now() - interval '1 second' WHERE done_at IS NULL AND lease_until IS NOT NULL`,
      );
      // A page the dead node was sending when killed waits for its delivery check (due 2 minutes
      // later): made due as soon as it exists, as time would, else this waits on a slow machine.
      await eventually(
        'every level 2 page',
        async () => {
          await test.db.query(
            `UPDATE timers SET due_at = now() WHERE kind = 'delivery_check' AND done_at IS NULL AND due_at > now()`,
          );
          return pagesFor(2).length >= incidents.length ? true : null;
        },
        30_000,
      );
      await test.db.query(`UPDATE timers SET due_at = now() WHERE kind = 'escalate' AND done_at IS NULL`);
      await eventually('every level 3 page', () => (pagesFor(3).length >= incidents.length ? true : null), 30_000);
      await new Promise((resolve) => setTimeout(resolve, 1000));

      // A page the killed node marked `sending` has an unknown outcome: its check (due 2 minutes
      // later, made due now) sends it again under the same delivery id, which webhooks dedup.
      await test.db.query(`UPDATE timers SET due_at = now() WHERE kind = 'delivery_check' AND done_at IS NULL`);
      await eventually(
        'every delivery recorded as sent',
        async () => {
          const { rows } = await test.db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM notification_deliveries WHERE status <> 'sent'`,
          );
          return rows[0]!.n === 0 ? true : null;
        },
        30_000,
      );
      const ids = hook.requests.map((request) => String(request.headers['x-astreinte-delivery']));
      const { rows: deliveries } = await test.db.query<{ attempts: number }>(
        `SELECT attempts FROM notification_deliveries`,
      );
      expect(deliveries).toHaveLength(incidents.length * 3);
      expect(new Set(ids).size).toBe(incidents.length * 3);
      // Only a page sent again after a crash may have reached the receiver twice.
      const resent = deliveries.filter((delivery) => delivery.attempts > 1).length;
      expect(ids.length - new Set(ids).size).toBeLessThanOrEqual(resent);
      const { rows: levels } = await test.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM incident_events WHERE type = 'escalation_level_paged'`,
      );
      expect(levels[0]!.n).toBe(incidents.length * 3);
    } finally {
      for (const node of nodes) node.kill('SIGKILL');
      await Promise.all(nodes.map((node) => node.exited));
      await hook.close();
      await test.close();
    }
  }, 120_000);

  it('fires at once, on restart, a level that fell due while every node was down', async () => {
    const test = await openTestDatabase('postgres', { migrate: false });
    const env = cleanEnv({ ASTREINTE_TIMER_POLL_MS: '30' });
    const serve = () => spawnCli(['serve', '--database-url', test.url!, '--port', '0', '--log-level', 'silent'], env);
    let node = serve();
    try {
      const [, url] = await node.waitFor(/^Astreinte listening on (http:\/\/\S+)$/m);
      const [, token] = await node.waitFor(/^First admin token .*: (ast_\S+)$/m);
      const call = (method: string, path: string, body: unknown) =>
        fetch(`${url!}${path}`, {
          method,
          headers: { authorization: `Bearer ${token!}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }).then(async (response) => (await response.json()) as Record<string, unknown>);
      const { rows } = await test.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'admin'`);
      await call('PUT', '/api/v1/escalation-policies/later', {
        name: 'Later',
        levels: [
          { delayMinutes: 0, targets: [{ type: 'user', id: rows[0]!.id }] },
          { delayMinutes: 30, targets: [{ type: 'user', id: rows[0]!.id }] },
        ],
      });
      await call('POST', '/api/v1/services', { id: 'nightly', name: 'Nightly' });
      await call('PUT', '/api/v1/services/nightly/escalation-policy', { policyId: 'later' });
      const incident = await call('POST', '/api/v1/incidents', { title: 'Nobody answers', services: ['nightly'] });
      const paged = async () =>
        (
          await test.db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM incident_events WHERE incident_id = $1 AND type = 'escalation_level_paged'`,
            [incident['id']],
          )
        ).rows[0]!.n;
      await eventually('level 1', async () => ((await paged()) === 1 ? true : null));
      node.kill('SIGKILL');
      await node.exited;
      // Every node is down when level 2 falls due.
      await test.db.query(
        `UPDATE timers SET due_at = now() - interval '5 minutes' WHERE kind = 'escalate' AND done_at IS NULL`,
      );
      node = serve();
      const restartedAt = Date.now();
      await node.waitFor(/^Astreinte listening on/m);
      await eventually('level 2 after the restart', async () => ((await paged()) === 2 ? true : null), 10_000);
      expect(Date.now() - restartedAt).toBeLessThan(10_000);
    } finally {
      node.kill('SIGKILL');
      await node.exited;
      await test.close();
    }
  }, 60_000);
});
