import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/app-error.js';
import type { Step } from '../../../src/runbooks/runbook-model.js';
import { prepareSqlStatements } from '../../../src/execution/sql/prepare-sql-statements.js';

function sqlStep(body: string): Step {
  return {
    id: 's4',
    kind: 'command',
    title: null,
    language: 'sql',
    body,
    attributes: {},
    parameters: [],
    risk: 'changing',
    riskReasons: [],
    phase: null,
    inlineSecrets: [],
    parseError: null,
    lines: { start: 1, end: 1 },
  };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('prepareSqlStatements', () => {
  it('numbers bind parameters per statement and binds only the parameters each statement uses', async () => {
    const step = sqlStep(
      "SELECT * FROM agents WHERE id = '{{ agent_id }}';\nUPDATE agents SET note = <note> WHERE id = '{{ agent_id }}' OR name = <note>;",
    );
    const prepared = await prepareSqlStatements(step, { agent_id: '42', note: 'moved' }, []);
    expect(prepared.statements).toEqual([
      { text: 'SELECT * FROM agents WHERE id = $1', values: ['42'] },
      { text: 'UPDATE agents SET note = $1 WHERE id = $2 OR name = $1', values: ['moved', '42'] },
    ]);
  });

  it('keeps an injection attempt as one bound value, which PostgreSQL compares as text and never runs', async () => {
    const hostile = "x'; DROP TABLE t; --";
    const prepared = await prepareSqlStatements(
      sqlStep("SELECT count(*)::int AS n FROM t WHERE name = '{{ name }}';"),
      { name: hostile },
      [],
    );
    expect(prepared.statements).toEqual([
      { text: 'SELECT count(*)::int AS n FROM t WHERE name = $1', values: [hostile] },
    ]);
    expect(prepared.preview).toBe("SELECT count(*)::int AS n FROM t WHERE name = 'x''; DROP TABLE t; --';");
    const db = new PGlite();
    try {
      await db.exec("CREATE TABLE t (name text); INSERT INTO t VALUES ('x'), ($$x'; DROP TABLE t; --$$);");
      const [statement] = prepared.statements;
      const { rows } = await db.query<{ n: number }>(statement!.text, statement!.values);
      expect(rows).toEqual([{ n: 1 }]);
      expect((await db.query('SELECT count(*)::int AS n FROM t')).rows).toEqual([{ n: 2 }]);
    } finally {
      await db.close();
    }
  });

  it('shows values in the preview as SQL literals, escaped for the literal they stand in, and leaves comments as written', async () => {
    const step = sqlStep(
      "-- for <name>\nSELECT * FROM logs WHERE who = <name> AND msg LIKE '%{{ name }}%' AND raw = E'\\\\{{ name }}';",
    );
    const prepared = await prepareSqlStatements(step, { name: "O'Brien \\ co" }, []);
    expect(prepared.preview).toBe(
      "-- for <name>\nSELECT * FROM logs WHERE who = 'O''Brien \\ co' AND msg LIKE '%O''Brien \\ co%' AND raw = E'\\\\O''Brien \\\\ co';",
    );
    expect(prepared.statements[0]?.text).toBe(
      "-- for <name>\nSELECT * FROM logs WHERE who = $1 AND msg LIKE ('%' || $1::text || '%') AND raw = (E'\\\\' || $1::text)",
    );
  });

  it('masks secrets in the preview and returns them for redaction', async () => {
    const prepared = await prepareSqlStatements(
      sqlStep("ALTER ROLE app PASSWORD '{{ db_password }}';"),
      { db_password: 'hunter2-long' },
      [],
    );
    expect(prepared.statements).toEqual([{ text: 'ALTER ROLE app PASSWORD $1', values: ['hunter2-long'] }]);
    expect(prepared.preview).toBe("ALTER ROLE app PASSWORD '••••••';");
    expect(prepared.secrets).toEqual([{ name: 'db_password', value: 'hunter2-long' }]);
  });

  it('takes a stored secret for a secret parameter left empty, and redacts every stored secret', async () => {
    const stored = new Map([
      ['db_password', 'from-the-store'],
      ['OTHER', 'another-one'],
    ]);
    const prepared = await prepareSqlStatements(sqlStep("ALTER ROLE app PASSWORD '{{ db_password }}'"), {}, [], {
      secrets: stored,
    });
    expect(prepared.statements[0]?.values).toEqual(['from-the-store']);
    expect(prepared.secrets.map((secret) => secret.name)).toEqual(['db_password', 'OTHER']);
  });

  it('takes a configured default for an ordinary parameter left empty, never for a secret one', async () => {
    const step = sqlStep("SELECT * FROM jobs WHERE queue = <queue> AND token = '{{ api_token }}'");
    const prepared = await prepareSqlStatements(step, { api_token: 'given-token' }, [], {
      defaults: { queue: 'default', api_token: 'configured' },
    });
    expect(prepared.statements[0]?.values).toEqual(['default', 'given-token']);
    const error = await refusal(
      prepareSqlStatements(step, {}, [], { defaults: { queue: 'default', api_token: 'configured' } }),
    );
    expect((error.details['issues'] as { path: string }[]).map((issue) => issue.path)).toEqual([
      '/parameters/api_token',
    ]);
  });

  it('refuses missing, unknown and too short values, naming each parameter and never the value', async () => {
    const step = sqlStep("UPDATE users SET password = '{{ db_password }}' WHERE id = <id>");
    const error = await refusal(prepareSqlStatements(step, { db_password: 'abc', stray: 'x' }, []));
    expect(error.code).toBe('validation_failed');
    const issues = error.details['issues'] as { path: string }[];
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      '/parameters/db_password',
      '/parameters/id',
      '/parameters/stray',
    ]);
    expect(JSON.stringify(error.details)).not.toContain('abc');
    // Values meant for other steps of a section are set aside on request.
    const prepared = await prepareSqlStatements(step, { db_password: 'long-enough', id: '7', stray: 'x' }, [], {
      ignoreUnknown: true,
    });
    expect(prepared.statements[0]?.values).toEqual(['long-enough', '7']);
  });

  it('refuses a step that matches the deny list, whatever its values', async () => {
    const error = await refusal(prepareSqlStatements(sqlStep('DROP DATABASE prod;'), {}, [/\bDROP\s+DATABASE\b/i]));
    expect(error.code).toBe('forbidden');
  });

  it('refuses a placeholder where no value can be bound, naming its line', async () => {
    const error = await refusal(
      prepareSqlStatements(sqlStep('SELECT 1;\nDO $$ BEGIN PERFORM <id>; END $$;'), { id: '1' }, []),
    );
    expect(error.message).toMatch(/id \(line 2\).*dollar-quoted/);
  });

  it('gives no statement for a step that is only comments', async () => {
    const prepared = await prepareSqlStatements(sqlStep('-- nothing to run here\n/* really */'), {}, []);
    expect(prepared.statements).toEqual([]);
  });
});
