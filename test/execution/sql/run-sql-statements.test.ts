import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputChunk } from '../../../src/execution/process/output-collector.js';
import { runSqlStatements, type RunSqlStatementsInput } from '../../../src/execution/sql/run-sql-statements.js';
import { openTestDatabase, postgresAdminUrl, type TestDatabase } from '../../support/test-database.js';

const available = postgresAdminUrl() !== null;
const sql = (...texts: string[]) => texts.map((text) => ({ text, values: [] }));

describe.skipIf(!available)('runSqlStatements on PostgreSQL', () => {
  let database: TestDatabase;
  let url: string;

  beforeAll(async () => {
    // A throwaway database (dropped in afterAll): the steps below create and change tables in it.
    database = await openTestDatabase('postgres', { migrate: false });
    url = database.url!;
  });
  // afterAll runs even when beforeAll failed before setting it.
  afterAll(async () => (database as TestDatabase | undefined)?.close());

  async function run(statements: RunSqlStatementsInput['statements'], options: Partial<RunSqlStatementsInput> = {}) {
    const chunks: OutputChunk[] = [];
    const result = await runSqlStatements({
      connectionString: url,
      statements,
      readOnly: false,
      timeoutMs: 10_000,
      maxOutputBytes: 64 * 1024,
      onOutput: (chunk) => chunks.push(chunk),
      ...options,
    });
    const text = (stream: 'stdout' | 'stderr') =>
      chunks
        .filter((chunk) => chunk.stream === stream)
        .map((chunk) => chunk.text)
        .join('');
    return { result, stdout: text('stdout'), stderr: text('stderr'), chunks };
  }

  async function scalar(query: string, values: unknown[] = []): Promise<unknown> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return Object.values((await client.query(query, values)).rows[0] ?? {})[0];
    } finally {
      await client.end();
    }
  }

  /** Whether some backend is still running a query that contains `marker`. */
  async function stillRunning(marker: string): Promise<boolean> {
    const count = await scalar(
      `SELECT count(*)::int FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%' || $1 || '%' AND pid <> pg_backend_pid()`,
      [marker],
    );
    return count !== 0;
  }

  it('prints tables, row counts and command tags as psql does, and exits 0', async () => {
    const table = `t_${randomBytes(4).toString('hex')}`;
    const { result, stdout, stderr } = await run([
      ...sql(
        `CREATE TABLE ${table} (id int, name text)`,
        `INSERT INTO ${table} VALUES (1, 'alice'), (22, NULL)`,
        `SELECT id, name FROM ${table} ORDER BY id`,
      ),
      { text: `UPDATE ${table} SET name = $1 WHERE id = $2`, values: ["x'; DROP TABLE t; --", '22'] },
      ...sql(`SELECT E'a\\nbb' AS x, 1 AS y`, `SELECT 1 AS n WHERE false`),
    ]);
    expect(stderr).toBe('');
    expect(stdout).toBe(
      [
        'CREATE TABLE',
        'INSERT 0 2',
        ' id | name  ',
        '----+-------',
        '  1 | alice',
        ' 22 | ',
        '(2 rows)',
        '',
        'UPDATE 1',
        ' x  | y ',
        '----+---',
        ' a +| 1',
        ' bb | ',
        '(1 row)',
        '',
        ' n ',
        '---',
        '(0 rows)',
        '',
        '',
      ].join('\n'),
    );
    expect(result).toMatchObject({
      outcome: 'exited',
      exitCode: 0,
      signal: null,
      error: null,
      truncatedBytes: 0,
      stderrBytes: 0,
    });
    expect(result.stdoutBytes).toBe(Buffer.byteLength(stdout));
    expect(await scalar(`SELECT name FROM ${table} WHERE id = 22`)).toBe("x'; DROP TABLE t; --");
  });

  it('stops at the first error with exit 1 and prints it on stderr with its position, the earlier statements committed', async () => {
    const table = `t_${randomBytes(4).toString('hex')}`;
    await run(sql(`CREATE TABLE ${table} (id int)`));
    const { result, stdout, stderr } = await run(
      sql(`INSERT INTO ${table} VALUES (1)`, `SELECT nope FROM ${table}`, `INSERT INTO ${table} VALUES (2)`),
    );
    expect(result).toMatchObject({ outcome: 'exited', exitCode: 1 });
    expect(stdout).toBe('INSERT 0 1\n');
    expect(stderr).toBe(`ERROR:  column "nope" does not exist\nLINE 1: SELECT nope FROM ${table}\n               ^\n`);
    expect(await scalar(`SELECT array_agg(id)::text FROM ${table}`)).toBe('{1}');
  });

  it('prints notices on stderr and warns that a transaction left open is rolled back', async () => {
    const table = `t_${randomBytes(4).toString('hex')}`;
    const { result, stdout, stderr } = await run(
      sql(`DO $$ BEGIN RAISE NOTICE 'checked % rows', 3; END $$`, 'BEGIN', `CREATE TABLE ${table} (id int)`),
    );
    expect(result.exitCode).toBe(0);
    expect(stdout).toBe('DO\nBEGIN\nCREATE TABLE\n');
    expect(stderr).toMatch(/^NOTICE: {2}checked 3 rows\nWARNING: {2}the step left a transaction open/);
    expect(await scalar(`SELECT to_regclass($1)::text`, [table])).toBeNull();
  });

  it('runs a read-only step in a read-only transaction that refuses writes, however the step tries', async () => {
    const table = `t_${randomBytes(4).toString('hex')}`;
    await run(sql(`CREATE TABLE ${table} (id int)`));
    const attempts = [
      sql(`SELECT count(*) FROM ${table}`, `INSERT INTO ${table} VALUES (1)`),
      sql('SET TRANSACTION READ WRITE', `INSERT INTO ${table} VALUES (2)`),
      sql('COMMIT', `INSERT INTO ${table} VALUES (3)`),
    ];
    const stderrs: string[] = [];
    for (const statements of attempts) {
      const { result, stderr } = await run(statements, { readOnly: true });
      expect(result.exitCode).toBe(1);
      stderrs.push(stderr);
    }
    expect(stderrs[0]).toMatch(/^ERROR: {2}cannot execute INSERT in a read-only transaction/);
    expect(stderrs[1]).toMatch(/^ERROR: {2}transaction read-write mode must be set before any query/);
    expect(stderrs[2]).toMatch(/^ERROR: {2}a read-only step cannot end its transaction/);
    expect(await scalar(`SELECT count(*)::int FROM ${table}`)).toBe(0);
  });

  it('ends a query that outlives the timeout as timed-out, cancelled on the server', async () => {
    const marker = `sleep_${randomBytes(4).toString('hex')}`;
    const { result, stderr } = await run(sql(`SELECT 1`, `SELECT pg_sleep(30) /* ${marker} */`, 'SELECT 2'), {
      timeoutMs: 1000,
    });
    expect(result).toMatchObject({ outcome: 'timed-out', exitCode: null });
    expect(result.durationMs).toBeGreaterThanOrEqual(900);
    expect(result.durationMs).toBeLessThan(4000);
    expect(stderr).toContain('canceling statement');
    expect(await stillRunning(marker)).toBe(false);
  });

  it('ends a query as cancelled when the signal is aborted, cancelled on the server', async () => {
    const marker = `sleep_${randomBytes(4).toString('hex')}`;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const { result } = await run(sql(`SELECT pg_sleep(30) /* ${marker} */`), { signal: controller.signal });
    expect(result).toMatchObject({ outcome: 'cancelled', exitCode: null });
    expect(result.durationMs).toBeLessThan(3000);
    expect(await stillRunning(marker)).toBe(false);
    const already = await run(sql('SELECT 1'), { signal: AbortSignal.abort() });
    expect(already.result).toMatchObject({ outcome: 'cancelled', exitCode: null, stdoutBytes: 0 });
  });

  it('rejects when the output callback throws, running nothing after it', async () => {
    const marker = `sleep_${randomBytes(4).toString('hex')}`;
    const started = Date.now();
    const done = runSqlStatements({
      connectionString: url,
      statements: sql('SELECT 1', `SELECT pg_sleep(30) /* ${marker} */`),
      readOnly: false,
      timeoutMs: 10_000,
      maxOutputBytes: 1024,
      onOutput: () => {
        throw new Error('consumer broke');
      },
    });
    await expect(done).rejects.toThrow('consumer broke');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await stillRunning(marker)).toBe(false);
  });

  it('reports failed-to-start when the server cannot be reached or refuses the login, without the password', async () => {
    const unreachable = new URL(url);
    unreachable.port = '1';
    const refused = await runSqlStatements({
      connectionString: unreachable.toString(),
      statements: sql('SELECT 1'),
      readOnly: false,
      timeoutMs: 5000,
      maxOutputBytes: 1024,
      onOutput: () => undefined,
    });
    expect(refused).toMatchObject({ outcome: 'failed-to-start', exitCode: null });
    expect(refused.error).toMatch(/^cannot connect to the database: .*ECONNREFUSED/);
    // A role that does not exist is refused under any authentication method (CI's server trusts
    // 127.0.0.1, so a wrong password alone would be let in).
    const wrong = new URL(url);
    wrong.username = 'astreinte_no_such_role';
    wrong.password = 'not-the-password-9f3';
    const denied = await runSqlStatements({
      connectionString: wrong.toString(),
      statements: sql('SELECT 1'),
      readOnly: false,
      timeoutMs: 5000,
      maxOutputBytes: 1024,
      onOutput: () => undefined,
    });
    expect(denied.outcome).toBe('failed-to-start');
    expect(denied.error).not.toContain('not-the-password-9f3');
  });

  it('cuts the output at the cap with the marker, counting the rest, without keeping every row in memory', async () => {
    const { result, stdout } = await run(sql(`SELECT g, repeat('x', 50) AS pad FROM generate_series(1, 200000) g`), {
      maxOutputBytes: 4096,
    });
    expect(result).toMatchObject({ outcome: 'exited', exitCode: 0 });
    expect(stdout).toMatch(/\[output truncated after 4096 bytes\]$/);
    expect(Buffer.byteLength(stdout.replace(/\[output truncated after 4096 bytes\]$/, ''))).toBe(4096);
    expect(result.stdoutBytes).toBeGreaterThan(200_000 * 50);
    expect(result.truncatedBytes).toBe(result.stdoutBytes - 4096);
  });
});
