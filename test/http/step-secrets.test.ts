import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';
import { waitForExecutionEnd } from '../support/run-steps.js';
import { testBackends } from '../support/test-database.js';

const fence = '```';
const secretKey = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const stored = 'st0red-db-passw0rd';
const fromEnv = 'env-redis-passw0rd';
const dir = mkdtempSync(join(tmpdir(), 'astreinte-step-secrets-'));
// A config file holding both values: a step that prints it shows secrets it never asked for.
const configFile = join(dir, 'app.conf');
writeFileSync(
  configFile,
  `db_password=${stored}\nrequirepass ${fromEnv}\nurl=postgres://app:${encodeURIComponent(stored)}@db/app\n`,
);
const runbook = [
  '# Secrets in steps',
  '## Diagnosis',
  `${fence}bash`,
  'echo "connecting with ${DB_PASSWORD}"',
  fence,
  `${fence}bash`,
  `cat ${configFile}`,
  fence,
  `${fence}bash`,
  'echo "redis auth: $REDIS_PASSWORD"',
  fence,
  `${fence}bash`,
  'echo "app=$APP_ENV region=$REGION"; printenv DATABASE_URL || echo "no database url"',
  fence,
].join('\n');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(testBackends)('secrets used by steps on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, {
    config: { secretKey, stepSecretEnv: 'REDIS_PASSWORD', stepEnvironment: 'APP_ENV=staging\nREGION=eu west' },
    env: { REDIS_PASSWORD: fromEnv, DATABASE_URL: 'postgres://server-only' },
    runner: true,
  });

  async function runStep(
    runId: string,
    stepId: string,
    body: Record<string, unknown> = {},
  ): Promise<{ execution: Record<string, unknown>; stdout: string }> {
    const started = await t.call('POST', `/api/v1/runs/${runId}/steps/${stepId}/execute`, { body });
    expect(started.statusCode, started.body).toBe(202);
    const execution = await waitForExecutionEnd(t, runId, started.json().execution.id);
    const output = (await t.call('GET', `/api/v1/runs/${runId}/executions/${execution['id'] as string}/output`)).json();
    return { execution, stdout: output.map((o: { text: string }) => o.text).join('') };
  }

  it.skipIf(!available)(
    'takes an empty secret parameter from the store or the environment, redacts every known secret, and passes the configured environment',
    async () => {
      expect((await t.call('PUT', '/api/v1/secrets/DB_PASSWORD', { body: { value: stored } })).statusCode).toBe(200);
      const imported = await t.call('POST', '/api/v1/runbook-sources', {
        body: { filename: 'secrets.md', content: runbook },
      });
      const incident = (await t.call('POST', '/api/v1/incidents', { body: { title: 'secrets' } })).json();
      const runId = (
        await t.call('POST', '/api/v1/runs', {
          body: { runbookId: imported.json().runbooks[0].id, incidentId: incident.id },
        })
      ).json().id;

      const fromStore = await runStep(runId, 's1');
      expect(fromStore.execution).toMatchObject({
        status: 'succeeded',
        commandPreview: 'echo "connecting with ••••••"',
      });
      expect(fromStore.stdout).toBe('connecting with [REDACTED:DB_PASSWORD]\n');

      const printed = await runStep(runId, 's2');
      expect(printed.stdout).toBe(
        'db_password=[REDACTED:DB_PASSWORD]\nrequirepass [REDACTED:REDIS_PASSWORD]\nurl=postgres://app:[REDACTED:DB_PASSWORD]@db/app\n',
      );

      const environment = await runStep(runId, 's3');
      expect(environment.stdout).toBe('redis auth: [REDACTED:REDIS_PASSWORD]\n');

      // A value the operator gives wins over the stored one, and is redacted too.
      const given = await runStep(runId, 's1', { parameters: { DB_PASSWORD: 'operator-given-pw' } });
      expect(given.stdout).toBe('connecting with [REDACTED:DB_PASSWORD]\n');

      const everything =
        JSON.stringify((await t.call('GET', `/api/v1/incidents/${incident.id}/timeline`)).json()) +
        JSON.stringify((await t.call('GET', `/api/v1/runs/${runId}`)).json());
      for (const value of [stored, fromEnv, 'operator-given-pw']) expect(everything).not.toContain(value);
      // Configured variables reach steps; the server's own environment does not.
      expect((await runStep(runId, 's4')).stdout).toBe('app=staging region=eu west\nno database url\n');
      const rows = JSON.stringify((await t.db.query(`SELECT text FROM step_output`)).rows);
      for (const value of [stored, fromEnv, 'operator-given-pw']) expect(rows).not.toContain(value);
    },
  );
});
