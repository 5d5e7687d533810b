import { describe, expect, it } from 'vitest';
import { splitSqlStatements } from '../../../src/execution/sql/split-sql-statements.js';

const texts = (sql: string): string[] => splitSqlStatements(sql).map((statement) => statement.text);

describe('splitSqlStatements', () => {
  it('splits at top-level semicolons and keeps a last statement that has none', () => {
    expect(texts('SELECT 1;\nUPDATE t SET x = 2;\n\nDELETE FROM t WHERE x = 3')).toEqual([
      'SELECT 1',
      'UPDATE t SET x = 2',
      'DELETE FROM t WHERE x = 3',
    ]);
  });

  it('gives offsets into the original text, so each statement is sql.slice(start, end)', () => {
    const sql = '  SELECT 1 ;\n\t-- next\n  SELECT 2;  ';
    const statements = splitSqlStatements(sql);
    expect(statements).toEqual([
      { text: 'SELECT 1', start: 2, end: 10 },
      { text: '-- next\n  SELECT 2', start: 14, end: 32 },
    ]);
    for (const statement of statements) expect(sql.slice(statement.start, statement.end)).toBe(statement.text);
  });

  it('does not split inside strings, doubled quotes included', () => {
    expect(texts("SELECT 'a;b', 'it''s; fine' FROM t; SELECT 2")).toEqual([
      "SELECT 'a;b', 'it''s; fine' FROM t",
      'SELECT 2',
    ]);
  });

  it("reads backslash escapes in E-strings, so E'\\'' does not end the string early", () => {
    expect(texts("SELECT E'\\';' AS quote; SELECT 2")).toEqual(["SELECT E'\\';' AS quote", 'SELECT 2']);
    // Without the E prefix the backslash is a plain character and the string ends at the second quote.
    expect(texts("SELECT '\\'; SELECT ';'")).toEqual(["SELECT '\\'", "SELECT ';'"]);
  });

  it('does not split inside quoted identifiers', () => {
    expect(texts('SELECT "odd;name" FROM "t;""x"; SELECT 2')).toEqual(['SELECT "odd;name" FROM "t;""x"', 'SELECT 2']);
  });

  it('does not split inside line comments or nested block comments', () => {
    expect(texts('SELECT 1 -- not; here\n; SELECT /* a; /* nested; */ still; */ 2')).toEqual([
      'SELECT 1 -- not; here',
      'SELECT /* a; /* nested; */ still; */ 2',
    ]);
  });

  it('does not split inside dollar-quoted bodies, tagged or not', () => {
    const fn = 'CREATE FUNCTION f() RETURNS int AS $body$ BEGIN PERFORM 1; RETURN 2; END $body$ LANGUAGE plpgsql';
    expect(texts(`${fn};\nDO $$ BEGIN RAISE NOTICE 'x;y'; END $$;SELECT 3`)).toEqual([
      fn,
      "DO $$ BEGIN RAISE NOTICE 'x;y'; END $$",
      'SELECT 3',
    ]);
    // `$1` and identifiers with `$` do not open a dollar quote.
    expect(texts('SELECT $1, a$b$c; SELECT 2')).toEqual(['SELECT $1, a$b$c', 'SELECT 2']);
  });

  it('drops statements made only of whitespace and comments', () => {
    expect(texts(';;\n-- just a note;\n/* and /* this */ */;\nSELECT 1;\n-- the end\n')).toEqual(['SELECT 1']);
    expect(texts('   ')).toEqual([]);
  });

  it('keeps an unterminated block comment, so PostgreSQL reports it rather than the step skipping it', () => {
    expect(texts('SELECT 1; /* forgot to close; UPDATE t SET x = 1;')).toEqual([
      'SELECT 1',
      '/* forgot to close; UPDATE t SET x = 1;',
    ]);
  });
});
