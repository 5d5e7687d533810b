import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForExecutionEnd } from '../support/run-steps.js';
import { seedBytes, seedsAvailable } from '../support/seeds.js';
import { useTestApp, type TestApp } from '../support/test-app.js';
import { openTestDatabase, postgresAdminUrl, testBackends, type TestDatabase } from '../support/test-database.js';

const secretKey = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const fence = '```';
// Our own runbook: a change that needs confirmation, and a destructive delete that needs approval.
const cleanup = [
  '# RUNBOOK: Agent data cleanup',
  '## Diagnosis',
  `${fence}sql`,
  "SELECT count(*) AS actions FROM recouvrement_actions WHERE agent_id = '{{ agent_id }}';",
  fence,
  '## Resolution',
  `${fence}sql`,
  "UPDATE performance_historique SET score = score + 1 WHERE agent_id = '{{ agent_id }}';",
  fence,
  `${fence}sql`,
  "DELETE FROM recouvrement_actions WHERE agent_id = '{{ agent_id }}';",
  fence,
].join('\n');

/** The tables the seed's "Performance Agents Très Basse" investigation queries, with a few rows for agent AG-7. */
const schema = `
  CREATE TABLE performance_historique (agent_id text, date_stat date, score int, visites int, promesses int, paiements int, refus int);
  CREATE TABLE agent_geolocalisation (agent_id text, "timestamp" timestamptz, latitude numeric, longitude numeric);
  CREATE TABLE recouvrement_actions (agent_id text, type_action text, statut text, resultat text, montant_recouvre numeric, date_action timestamptz);
  INSERT INTO performance_historique VALUES ('AG-7', '2026-11-20', 3, 12, 2, 1, 4), ('AG-7', '2026-11-21', 4, 10, 3, 2, 1), ('AG-8', '2026-11-21', 9, 20, 8, 7, 0);
  INSERT INTO agent_geolocalisation VALUES ('AG-7', now() - interval '1 hour', 14.6937, -17.4441);
  INSERT INTO recouvrement_actions VALUES ('AG-7', 'visite', 'fait', 'promesse', 150, now()), ('AG-8', 'appel', 'fait', 'refus', 0, now());`;

let target: TestDatabase | null = null;
beforeAll(async () => {
  if (postgresAdminUrl() === null) return;
  target = await openTestDatabase('postgres', { migrate: false });
  const client = new pg.Client({ connectionString: target.url! });
  await client.connect();
  await client.query(schema);
  await client.end();
});
afterAll(async () => target?.close());

async function onTarget(text: string, values: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: target!.url! });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

const count = async (table: string, agent: string): Promise<number> =>
  Number((await onTarget(`SELECT count(*) AS n FROM ${table} WHERE agent_id = $1`, [agent]))[0]!['n']);

describe.each(testBackends)('SQL steps on a named connection, Astreinte on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, { config: { secretKey }, runner: true });
  const ready = available && postgresAdminUrl() !== null;

  async function startRun(
    filename: string,
    content: string,
    title: string,
    incident = true,
  ): Promise<{ runId: string; steps: { id: string; body: string; risk: string }[] }> {
    const imported = await t.call('POST', '/api/v1/runbook-sources', { body: { filename, content } });
    const runbookId = imported.json().runbooks.find((r: { title: string }) => r.title === title).id;
    const incidentId = incident
      ? (await t.call('POST', '/api/v1/incidents', { body: { title } })).json().id
      : undefined;
    const runId = (
      await t.call('POST', '/api/v1/runs', { body: { runbookId, ...(incidentId === undefined ? {} : { incidentId }) } })
    ).json().id;
    const structure = (await t.call('GET', `/api/v1/runbooks/${runbookId}`)).json().structure;
    return { runId, steps: structure.sections.flatMap((s: { steps: unknown[] }) => s.steps) };
  }

  async function outputOf(
    t2: TestApp,
    runId: string,
    executionId: string,
  ): Promise<{ stdout: string; stderr: string }> {
    const output = (await t2.call('GET', `/api/v1/runs/${runId}/executions/${executionId}/output`)).json<
      { stream: string; text: string }[]
    >();
    const text = (stream: string) =>
      output
        .filter((o) => o.stream === stream)
        .map((o) => o.text)
        .join('');
    return { stdout: text('stdout'), stderr: text('stderr') };
  }

  it.skipIf(!ready || !seedsAvailable)(
    'runs the seed investigation queries with bound values, a hostile value staying data',
    async () => {
      expect(
        (
          await t.call('PUT', '/api/v1/sql-connections/akig', {
            body: { url: target!.url!, description: 'collections database' },
          })
        ).statusCode,
      ).toBe(200);
      const { runId, steps } = await startRun(
        'recouvrement.md',
        seedBytes('001').toString('utf8'),
        'Performance Agents Très Basse',
      );
      const investigation = steps.find((step) => step.body.includes('performance_historique'))!;
      expect(investigation.risk).toBe('read-only');

      const started = await t.call('POST', `/api/v1/runs/${runId}/steps/${investigation.id}/execute`, {
        body: { parameters: { agent_id: 'AG-7' } },
      });
      expect(started.statusCode, started.body).toBe(202);
      expect(started.json().preview).toMatch(/^-- on connection akig\n/);
      expect(started.json().preview).toContain("WHERE agent_id = 'AG-7'");
      const execution = await waitForExecutionEnd(t, runId, started.json().execution.id);
      expect(execution).toMatchObject({ status: 'succeeded', exitCode: 0 });
      const { stdout } = await outputOf(t, runId, execution['id'] as string);
      expect(stdout).toContain(' date_stat  | score | visites | promesses | paiements | refus ');
      expect(stdout).toContain('(2 rows)');
      expect(stdout).toMatch(/ timestamp +\| latitude +\| longitude /);
      expect(stdout).toContain(' visite      | fait   | promesse |              150');

      const hostile = "x'; DROP TABLE performance_historique; --";
      const attack = await t.call('POST', `/api/v1/runs/${runId}/steps/${investigation.id}/execute`, {
        body: { parameters: { agent_id: hostile } },
      });
      const attacked = await waitForExecutionEnd(t, runId, attack.json().execution.id);
      expect(attacked).toMatchObject({ status: 'succeeded' });
      expect((await outputOf(t, runId, attacked['id'] as string)).stdout.match(/\(0 rows\)/g)).toHaveLength(3);
      expect(await count('performance_historique', 'AG-7')).toBe(2);
    },
  );

  it.skipIf(!ready)(
    'asks which connection when several exist, confirms changes, and runs an approved delete on the connection it was requested for',
    async () => {
      await t.call('PUT', '/api/v1/sql-connections/akig', { body: { url: target!.url! } });
      await t.call('PUT', '/api/v1/sql-connections/other', { body: { url: 'postgres://nobody@127.0.0.1:1/none' } });
      const { runId, steps } = await startRun('cleanup.md', cleanup, 'Agent data cleanup', false);
      const [select, update, remove] = steps.map((step) => step.id);
      // Rows of this backend's own agent: both backends share the target database.
      const agent = `AG-${backend}`;
      await onTarget(`INSERT INTO performance_historique (agent_id, score) VALUES ($1, 5)`, [agent]);
      await onTarget(`INSERT INTO recouvrement_actions (agent_id, type_action) VALUES ($1, 'appel')`, [agent]);

      const unnamed = await t.call('POST', `/api/v1/runs/${runId}/steps/${select}/execute`, {
        body: { parameters: { agent_id: agent } },
      });
      expect(unnamed.statusCode).toBe(400);
      expect(unnamed.json().details.issues).toEqual([{ path: '/connection', message: 'required for a SQL step' }]);
      expect(unnamed.json().message).toContain('configured: akig, other');
      expect(
        (
          await t.call('POST', `/api/v1/runs/${runId}/steps/${select}/execute`, {
            body: { connection: 'nope', parameters: { agent_id: agent } },
          })
        ).statusCode,
      ).toBe(400);

      // The read-only steps of a section run on the connection named once for all of them.
      const section = await t.call('POST', `/api/v1/runs/${runId}/sections/run-read-only`, {
        body: { section: 0, connection: 'akig', parameters: { agent_id: agent } },
      });
      expect(section.statusCode, section.body).toBe(202);
      const counted = await waitForExecutionEnd(t, runId, section.json()[0].id);
      expect((await outputOf(t, runId, counted['id'] as string)).stdout).toBe(
        ' actions \n---------\n       1\n(1 row)\n\n',
      );

      const unconfirmed = await t.call('POST', `/api/v1/runs/${runId}/steps/${update}/execute`, {
        body: { connection: 'akig', parameters: { agent_id: agent } },
      });
      expect(unconfirmed.statusCode).toBe(409);
      const confirmed = await t.call('POST', `/api/v1/runs/${runId}/steps/${update}/execute`, {
        body: { connection: 'akig', confirm: true, parameters: { agent_id: agent } },
      });
      const updated = await waitForExecutionEnd(t, runId, confirmed.json().execution.id);
      expect(updated).toMatchObject({ status: 'succeeded' });
      expect((await outputOf(t, runId, updated['id'] as string)).stdout).toBe('UPDATE 1\n');

      const requested = await t.call('POST', `/api/v1/runs/${runId}/steps/${remove}/execute`, {
        token: t.users.responder.token,
        body: { connection: 'akig', parameters: { agent_id: agent }, reason: 'test rows' },
      });
      expect(requested.json().execution).toMatchObject({
        status: 'awaiting-approval',
        commandPreview: `-- on connection akig\nDELETE FROM recouvrement_actions WHERE agent_id = '${agent}';`,
      });
      expect(await count('recouvrement_actions', agent)).toBe(1);
      const approved = await t.call(
        'POST',
        `/api/v1/runs/${runId}/executions/${requested.json().execution.id}/approval`,
        { body: { decision: 'approve', reason: 'checked' } },
      );
      expect(approved.statusCode, approved.body).toBe(200);
      const deleted = await waitForExecutionEnd(t, runId, requested.json().execution.id);
      expect(deleted).toMatchObject({ status: 'succeeded' });
      expect((await outputOf(t, runId, deleted['id'] as string)).stdout).toBe('DELETE 1\n');
      expect(await count('recouvrement_actions', agent)).toBe(0);
      expect(await count('recouvrement_actions', 'AG-7')).toBe(1);
      await t.call('DELETE', '/api/v1/sql-connections/other');
    },
  );
});
