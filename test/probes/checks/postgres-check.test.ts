import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPostgresCheck } from '../../../src/probes/checks/postgres-check.js';
import type { PostgresTarget } from '../../../src/probes/kinds/postgres-probe.js';
import { eventually } from '../../support/eventually.js';
import {
  passwordRole,
  postgresBinariesMissingReason,
  startPostgresCluster,
  type PostgresCluster,
} from '../../support/postgres-cluster.js';

const missing = postgresBinariesMissingReason();
const options = { timeoutMs: 5000 };

describe.skipIf(missing !== null)('the PostgreSQL check', () => {
  let cluster: PostgresCluster;
  const target = (query?: string, url = cluster.url()): PostgresTarget => ({
    kind: 'postgres',
    url,
    ...(query === undefined ? {} : { query }),
  });

  /** Client backends the probe left on the server (it names itself `astreinte-probe`). */
  async function probeBackends(): Promise<number> {
    const client = new pg.Client({ connectionString: cluster.url() });
    await client.connect();
    try {
      const { rows } = await client.query<{ count: string }>(
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'astreinte-probe'",
      );
      return Number(rows[0]?.count);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    cluster = await startPostgresCluster();
  });
  afterAll(async () => {
    // Unset when beforeAll failed before starting it.
    await (cluster as PostgresCluster | undefined)?.remove();
  });

  it('connects and runs SELECT 1 by default', async () => {
    const observation = await runPostgresCheck(target(), options);
    expect(observation).toMatchObject({
      reached: true,
      error: null,
      values: { CONNECTED: true, RESULT: 1, ROW: { '?column?': 1 }, ROWS: 1, QUERY_ERROR: null },
    });
    expect(observation.latencyMs).toBeGreaterThan(0);
    expect(observation.values['RESPONSE_TIME']).toBe(observation.latencyMs);
  });

  it('observes the first column, the first row and the row count of a custom query', async () => {
    const query = "SELECT n, n * 2 AS double, 'x' || n AS label, n::bigint AS big FROM generate_series(7, 9) AS n";
    const observation = await runPostgresCheck(target(query), options);
    // int8 stays a string, as pg gives it: the conditions compare numeric strings as numbers.
    expect(observation.values).toMatchObject({ RESULT: 7, ROW: { n: 7, double: 14, label: 'x7', big: '7' }, ROWS: 3 });
  });

  it('gives null RESULT and ROW and 0 ROWS for a query returning no rows', async () => {
    const observation = await runPostgresCheck(target('SELECT 1 WHERE false'), options);
    expect(observation).toMatchObject({ reached: true, error: null, values: { RESULT: null, ROW: null, ROWS: 0 } });
  });

  /** Waits until the backends of earlier checks are gone: a backend leaves pg_stat_activity just after its socket closes. */
  const probesGone = (timeoutMs = 2000): Promise<boolean> =>
    eventually('the probe backends to end', async () => ((await probeBackends()) === 0 ? true : null), timeoutMs);

  it('counts the client connections by state and reads max_connections', async () => {
    await probesGone();
    const idle = new pg.Client({ connectionString: cluster.url() });
    await idle.connect();
    try {
      const observation = await runPostgresCheck(target(), options);
      const states = observation.values['CONNECTION_STATES'] as Record<string, number>;
      // The idle client above, and the probe itself (active while it reads pg_stat_activity).
      expect(states).toMatchObject({
        active: 1,
        idle: 1,
        idle_in_transaction: 0,
        idle_in_transaction_aborted: 0,
        fastpath_function_call: 0,
        disabled: 0,
        unknown: 0,
      });
      expect(observation.values['CONNECTIONS']).toBe(2);
      expect(observation.values['MAX_CONNECTIONS']).toBe(100);
    } finally {
      await idle.end();
    }
  });

  it('refuses a write, the query running in a read-only transaction', async () => {
    const observation = await runPostgresCheck(target('CREATE TABLE probe_wrote (id int)'), options);
    expect(observation).toMatchObject({
      reached: true,
      error: 'cannot execute CREATE TABLE in a read-only transaction',
      values: {
        CONNECTED: true,
        QUERY_ERROR: 'cannot execute CREATE TABLE in a read-only transaction',
        RESULT: null,
        ROWS: null,
      },
    });
    const check = await runPostgresCheck(
      target("SELECT count(*) FROM pg_tables WHERE tablename = 'probe_wrote'"),
      options,
    );
    expect(check.values['RESULT']).toBe('0');
  });

  it('refuses a second statement that would leave the read-only transaction', async () => {
    const observation = await runPostgresCheck(target('ROLLBACK; CREATE TABLE probe_escaped (id int)'), options);
    expect(observation.reached).toBe(true);
    expect(observation.error).toBe('cannot insert multiple commands into a prepared statement');
    const check = await runPostgresCheck(
      target("SELECT count(*) FROM pg_tables WHERE tablename = 'probe_escaped'"),
      options,
    );
    expect(check.values['RESULT']).toBe('0');
  });

  it('reports a syntax error as the server answering with an error', async () => {
    const observation = await runPostgresCheck(target('SELEC 1'), options);
    expect(observation).toMatchObject({
      reached: true,
      error: 'syntax error at or near "SELEC"',
      values: { CONNECTED: true },
    });
  });

  it('reports a wrong password as the server refusing the session', async () => {
    const observation = await runPostgresCheck(
      target(undefined, cluster.url({ user: passwordRole.user, password: 'wrong' })),
      options,
    );
    expect(observation).toMatchObject({
      reached: true,
      error: `password authentication failed for user "${passwordRole.user}"`,
      values: { CONNECTED: false },
    });
    const right = await runPostgresCheck(target(undefined, cluster.url({ ...passwordRole })), options);
    expect(right).toMatchObject({ reached: true, error: null, values: { CONNECTED: true } });
  });

  it('reports a database that does not exist', async () => {
    const observation = await runPostgresCheck(target(undefined, cluster.url({ database: 'nope' })), options);
    expect(observation).toMatchObject({
      reached: true,
      error: 'database "nope" does not exist',
      values: { CONNECTED: false },
    });
  });

  it('stops at the timeout and leaves no query running on the server', async () => {
    const started = performance.now();
    const observation = await runPostgresCheck(target('SELECT pg_sleep(5)'), { timeoutMs: 500 });
    expect(performance.now() - started).toBeLessThan(1500);
    expect(observation).toMatchObject({ reached: true, error: 'timeout after 500 ms', values: { CONNECTED: true } });
    // The statement_timeout sent at connect ends the backend's sleep once the socket is gone.
    await probesGone(5000);
  });

  it('ends promptly when the runner cancels the check', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = performance.now();
    const observation = await runPostgresCheck(target('SELECT pg_sleep(5)'), {
      timeoutMs: 1500,
      signal: controller.signal,
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(observation).toMatchObject({ reached: true, error: 'cancelled', values: { CONNECTED: true } });
    // The server notices the dropped socket only at its next read: the statement_timeout (the check's timeout) ends the query.
    await probesGone(5000);
  });

  it('closes its connection after every check', async () => {
    for (let i = 0; i < 5; i++) await runPostgresCheck(target(), options);
    await runPostgresCheck(target('SELEC 1'), options);
    await probesGone();
  });

  it('reports a stopped server as not reached, with the refused address', async () => {
    await cluster.stop();
    try {
      const observation = await runPostgresCheck(target(), options);
      expect(observation).toMatchObject({
        reached: false,
        error: `ECONNREFUSED 127.0.0.1:${cluster.port}`,
        values: { CONNECTED: false },
      });
    } finally {
      await cluster.start();
    }
  });
});
