import { describe, expect, it } from 'vitest';
import { seedBytes, seedsAvailable } from '../support/seeds.js';
import { testBackends } from '../support/test-database.js';
import { useTestApp, type TestApp } from '../support/test-app.js';

/** A runbook with two checks (one with a placeholder), a PromQL alert and a prose one. */
const payments = [
  '# Payments down',
  '',
  '**Severity**: P2',
  '',
  '## Diagnosis',
  '',
  '```bash',
  'curl -fsS https://payments.example.test/health',
  'curl -fsS http://{{ host }}:8080/ready',
  'pg_isready -h payments-db.internal -p 5432',
  '```',
  '',
  '## Resolution',
  '',
  '```bash',
  'systemctl restart payments',
  '```',
  '',
  '## Prevention',
  '',
  '- Alert: `rate(payment_errors_total[5m]) / rate(payment_requests_total[5m]) > 0.05` pendant 5 min',
  '- Alert: memory > 85% pendant 10 min',
  '',
].join('\n');
const diskFull = [
  '# Disk full',
  '',
  '## Diagnosis',
  '',
  '```bash',
  'df -h',
  '```',
  '',
  '## Resolution',
  '',
  '```bash',
  'rm -rf /tmp/cache',
  '```',
  '',
  '## Prevention',
  '',
  '- Alert: disk usage > 90% pendant 5 min',
  '',
].join('\n');
const release = ['# Release', '', '## Checklist', '', '- [ ] Tests pass', '- [x] Notes written', ''].join('\n');

type Draft = { id: string; kind: string; title: string };
type Entry = { action: string; target: string; id: string | null; detail: string; warnings: string[] };
type Adopted = { dryRun: boolean; nothingNew: boolean; prometheusUrl: string | null; entries: Entry[] };
type Probe = {
  name: string;
  target: Record<string, unknown>;
  conditions: string[];
  severity: string;
  labels: Record<string, string>;
  forSeconds: number;
  serviceId: string | null;
};

/** The probes an adoption created, as the API shows them. */
async function createdProbes(t: TestApp, adopted: Adopted): Promise<Probe[]> {
  const ids = adopted.entries.filter((entry) => entry.action === 'create').map((entry) => entry.id!);
  return Promise.all(ids.map(async (id) => (await t.call('GET', `/api/v1/probes/${id}`)).json<Probe>()));
}

const skippedOf = (adopted: Adopted) =>
  adopted.entries
    .filter((entry) => entry.action === 'skip')
    .map((entry) => ({ expression: entry.target, reason: entry.detail }));

/** Imports a file through the API as a responder and answers the drafts of its report. */
async function importFile(
  t: TestApp,
  filename: string,
  body: { content: string } | { contentBase64: string },
): Promise<Draft[]> {
  const response = await t.call('POST', '/api/v1/runbook-sources', {
    token: t.users.responder.token,
    body: { filename, ...body },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ drafts: Draft[] }>().drafts;
}

/** `value` without the fields named. */
const without = (value: Record<string, unknown>, ...keys: string[]): Record<string, unknown> =>
  Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));

const draftStatus = async (t: TestApp, id: string): Promise<string> =>
  (await t.db.query<{ status: string }>('SELECT status FROM runbook_drafts WHERE id = $1', [id])).rows[0]!.status;

describe.each(testBackends)('probes from runbooks through the API on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);
  const prometheusUrl = 'http://127.0.0.1:9';

  it.skipIf(!available)(
    "suggests probes from an imported runbook's steps to viewers; a complete suggestion is created as it is",
    async () => {
      await importFile(t, 'payments.md', { content: payments });
      const answer = await t.call('GET', '/api/v1/runbooks/payments-down/probe-suggestions', {
        token: t.users.viewer.token,
      });
      expect(answer.statusCode, answer.body).toBe(200);
      const { runbookId, version, suggestions } = answer.json<{
        runbookId: string;
        version: number;
        suggestions: (Record<string, unknown> & { needs: string[] })[];
      }>();
      expect([runbookId, version]).toEqual(['payments-down', 1]);
      expect(suggestions).toMatchObject([
        {
          name: 'Payments down — payments.example.test/health',
          target: { kind: 'http', url: 'https://payments.example.test/health' },
          conditions: ['[STATUS] < 400'],
          severity: 'P2',
          labels: { runbook: 'payments-down' },
          needs: [],
          source: { section: 'Diagnosis', step: 's1', line: 8, code: 'curl -fsS https://payments.example.test/health' },
        },
        {
          name: 'Payments down — {{ host }}:8080/ready',
          target: { kind: 'http', url: 'http://{{ host }}:8080/ready' },
          needs: ['host'],
          source: { line: 9 },
        },
        {
          name: 'Payments down — tcp payments-db.internal:5432',
          target: { kind: 'tcp', host: 'payments-db.internal', port: 5432 },
          needs: [],
          source: { line: 10 },
        },
      ]);
      const complete = without(suggestions[0]!, 'source', 'needs', 'notes');
      const created = await t.call('POST', '/api/v1/probes', { body: complete });
      expect(created.statusCode, created.body).toBe(201);
      const incomplete = without(suggestions[1]!, 'source', 'needs', 'notes');
      expect((await t.call('POST', '/api/v1/probes', { body: incomplete })).statusCode).toBe(400);
      expect(
        (await t.call('GET', '/api/v1/runbooks/nope/probe-suggestions', { token: t.users.viewer.token })).statusCode,
      ).toBe(404);
      expect(
        (await t.call('GET', '/api/v1/runbooks/payments-down/probe-suggestions', { token: null })).statusCode,
      ).toBe(401);
    },
  );

  it.skipIf(!available)(
    'creates a Prometheus probe per PromQL rule of an alert-rules draft, skipping prose with the reason, and marks it adopted',
    async () => {
      // Imported again (or first, when run alone): the import finds the same drafts.
      const drafts = await importFile(t, 'payments.md', { content: payments });
      const draft = drafts.find((found) => found.kind === 'alert-rules')!;
      await t.call('POST', '/api/v1/services', { body: { id: 'payments', name: 'Payments' } });
      const body = { draftId: draft.id, prometheusUrl, serviceId: 'payments' };
      expect(
        (await t.call('POST', '/api/v1/probes/from-draft', { body, token: t.users.responder.token })).statusCode,
      ).toBe(403);
      const missing = await t.call('POST', '/api/v1/probes/from-draft', { body: { draftId: draft.id } });
      expect(missing.statusCode).toBe(400);
      expect(
        missing.json<{ details: { issues: { path: string }[] } }>().details.issues.map((issue) => issue.path),
      ).toEqual(['/prometheusUrl']);

      const query = 'rate(payment_errors_total[5m]) / rate(payment_requests_total[5m]) > 0.05';
      const name = `Prevention — ${query} pendant 5 min`;
      const preview = await t.call('POST', '/api/v1/probes/from-draft', { body: { ...body, dryRun: true } });
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json<Adopted>()).toMatchObject({
        dryRun: true,
        nothingNew: false,
        prometheusUrl,
        entries: [
          { action: 'create', target: name, id: null, detail: `probe of ${query}, P2, after 5 min` },
          { action: 'skip', target: 'memory > 85%' },
        ],
      });
      expect(await draftStatus(t, draft.id)).toBe('draft');

      const adopted = await t.call('POST', '/api/v1/probes/from-draft', { body });
      expect(adopted.statusCode, adopted.body).toBe(201);
      expect(await createdProbes(t, adopted.json<Adopted>())).toMatchObject([
        {
          name,
          target: { kind: 'prometheus', url: prometheusUrl, query },
          conditions: [],
          severity: 'P2',
          labels: { runbook: 'payments-down' },
          forSeconds: 300,
          serviceId: 'payments',
        },
      ]);
      expect(skippedOf(adopted.json<Adopted>())).toEqual([
        { expression: 'memory > 85%', reason: 'not PromQL: a percentage is prose: PromQL writes 0.85, not 85%' },
      ]);
      expect(await draftStatus(t, draft.id)).toBe('adopted');
      const audits = async () =>
        (
          await t.db.query<{ details: { created: string[] } }>(
            `SELECT details FROM audit_log WHERE action = 'runbook_draft.adopt' AND target_id = $1`,
            [draft.id],
          )
        ).rows;
      expect((await audits()).map((row) => row.details.created)).toEqual([[adopted.json<Adopted>().entries[0]!.id]]);
      // Adopted again, even with other choices: the query runs already, so nothing is created nor audited.
      const again = await t.call('POST', '/api/v1/probes/from-draft', {
        body: { draftId: draft.id, prometheusUrl, severity: 'P4' },
      });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json<Adopted>()).toMatchObject({
        nothingNew: true,
        entries: [{ action: 'keep', target: name, id: adopted.json<Adopted>().entries[0]!.id }, { action: 'skip' }],
      });
      expect(await audits()).toHaveLength(1);
      expect((await t.db.query(`SELECT 1 FROM probes WHERE target->>'query' = $1`, [query])).rows).toHaveLength(1);
    },
  );

  it.skipIf(!available)(
    'answers 404 for an unknown draft or another kind, 409 for a dismissed one, 200 with nothing created when every rule is prose',
    async () => {
      const [checklist] = await importFile(t, 'release.md', { content: release });
      expect(checklist!.kind).toBe('checklist');
      expect(
        (await t.call('POST', '/api/v1/probes/from-draft', { body: { draftId: checklist!.id, prometheusUrl } }))
          .statusCode,
      ).toBe(404);
      expect(
        (
          await t.call('POST', '/api/v1/probes/from-draft', {
            body: { draftId: '00000000-0000-4000-8000-000000000000', prometheusUrl },
          })
        ).statusCode,
      ).toBe(404);
      const prose = (await importFile(t, 'disk.md', { content: diskFull })).find(
        (found) => found.kind === 'alert-rules',
      )!;
      const nothing = await t.call('POST', '/api/v1/probes/from-draft', { body: { draftId: prose.id } });
      expect(nothing.statusCode, nothing.body).toBe(200);
      expect(nothing.json()).toMatchObject({
        nothingNew: true,
        entries: [{ action: 'skip', target: 'disk usage > 90%' }],
      });
      expect(await draftStatus(t, prose.id)).toBe('draft');
      await t.db.query(`UPDATE runbook_drafts SET status = 'dismissed' WHERE id = $1`, [prose.id]);
      expect(
        (await t.call('POST', '/api/v1/probes/from-draft', { body: { draftId: prose.id, prometheusUrl } })).statusCode,
      ).toBe(409);
    },
  );

  it.skipIf(!available || !seedsAvailable)(
    'adopts the monitoring rules of the database seed runbook and suggests its checks',
    async () => {
      const drafts = await importFile(t, '001.md', { contentBase64: seedBytes('001').toString('base64') });
      const monitoring = drafts.find(
        (draft) => draft.kind === 'alert-rules' && draft.title === 'Base de Données Down › Monitoring',
      )!;
      const adopted = await t.call('POST', '/api/v1/probes/from-draft', {
        body: { draftId: monitoring.id, prometheusUrl },
      });
      expect(adopted.statusCode, adopted.body).toBe(201);
      const created = await createdProbes(t, adopted.json<Adopted>());
      expect(created.map((probe) => [probe.target['query'], probe.severity, probe.labels])).toEqual([
        ['up{job="postgres"} == 0', 'P1', { runbook: 'base-de-donnees-down' }],
        ['pg_stat_database_numbackends > 95', 'P1', { runbook: 'base-de-donnees-down' }],
      ]);
      expect(skippedOf(adopted.json<Adopted>()).map((rule) => rule.expression)).toEqual(['pg_database_size > 50GB']);
      const redis = drafts.find(
        (draft) => draft.kind === 'alert-rules' && draft.title === 'Cache Redis Down › Prévention',
      )!;
      const fromRedis = (
        await t.call('POST', '/api/v1/probes/from-draft', { body: { draftId: redis.id, prometheusUrl } })
      ).json<Adopted>();
      expect((await createdProbes(t, fromRedis)).map((probe) => [probe.target['query'], probe.severity])).toEqual([
        ['redis_memory_used_bytes / redis_memory_max_bytes > 0.9', 'P2'],
      ]);
      expect(skippedOf(fromRedis)).toMatchObject([{ expression: 'memory > 85%' }]);

      const suggested = await t.call('GET', '/api/v1/runbooks/cache-redis-down/probe-suggestions', {
        token: t.users.viewer.token,
      });
      expect(suggested.json<{ suggestions: { target: unknown }[] }>().suggestions[0]!.target).toEqual({
        kind: 'redis',
        url: 'redis://akig-cache:6379',
      });
    },
  );
});
