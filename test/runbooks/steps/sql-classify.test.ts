import { describe, expect, it } from 'vitest';
import { analyzeCodeBlock } from '../../../src/runbooks/steps/analyze-code-block.js';
import { classifySql } from '../../../src/runbooks/steps/sql-classify.js';
import { tokenizeSql } from '../../../src/runbooks/steps/sql-tokens.js';

const levelsOf = (sql: string) => classifySql(sql).map((statement) => statement.level);

describe('SQL classification', () => {
  it('reads SELECT, EXPLAIN and SHOW as read-only', () => {
    expect(levelsOf('SELECT 1; EXPLAIN SELECT * FROM t; SHOW work_mem; EXPLAIN DELETE FROM t;')).toEqual([
      'read-only',
      'read-only',
      'read-only',
      'read-only',
    ]);
  });

  it('reads UPDATE, INSERT, VACUUM, REINDEX and ALTER as changing', () => {
    expect(
      levelsOf(
        'UPDATE t SET a = 1; INSERT INTO t VALUES (1); VACUUM ANALYZE; REINDEX DATABASE app; ALTER DATABASE a RENAME TO b;',
      ),
    ).toEqual(['changing', 'changing', 'changing', 'changing', 'changing']);
  });

  it('reads DELETE, DROP, TRUNCATE and pg_terminate_backend as destructive, naming what they touch', () => {
    const statements = classifySql(
      "DELETE FROM missions WHERE id = 1; DROP TABLE IF EXISTS old_jobs; TRUNCATE impayes;\nSELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE duration > interval '5 minutes';",
    );
    expect(statements.map(({ level, reason }) => [level, reason])).toEqual([
      ['destructive', 'DELETE FROM missions deletes rows'],
      ['destructive', 'DROP TABLE IF EXISTS old_jobs drops objects and their data'],
      ['destructive', 'TRUNCATE impayes empties tables'],
      ['destructive', 'pg_terminate_backend() kills database sessions'],
    ]);
  });

  it('skips string literals, quoted identifiers and comments', () => {
    expect(levelsOf("SELECT * FROM audit WHERE action = 'DELETE' AND note = 'it''s; DROP TABLE x'")).toEqual([
      'read-only',
    ]);
    expect(levelsOf('SELECT "drop" FROM t -- DELETE FROM t\n/* TRUNCATE t; /* nested */ */')).toEqual(['read-only']);
    expect(levelsOf('SELECT $body$ DELETE FROM t; $body$')).toEqual(['read-only']);
  });

  it('sees data-changing verbs inside CTEs, but not ON DELETE or FOR UPDATE clauses', () => {
    expect(levelsOf('WITH gone AS (DELETE FROM t RETURNING *) SELECT count(*) FROM gone')).toEqual(['destructive']);
    expect(levelsOf('CREATE TABLE c (id int REFERENCES p ON DELETE CASCADE)')).toEqual(['changing']);
    expect(levelsOf('SELECT * FROM jobs FOR UPDATE SKIP LOCKED')).toEqual(['read-only']);
    expect(levelsOf('ALTER TABLE t DROP COLUMN legacy')).toEqual(['destructive']);
  });

  it('treats COPY TO as an export and COPY FROM as a load', () => {
    expect(levelsOf("COPY (SELECT * FROM t WHERE a IN (SELECT b FROM u)) TO STDOUT; COPY t FROM '/tmp/t.csv'")).toEqual(
      ['read-only', 'changing'],
    );
  });

  it('takes psql meta-commands as statements of their own', () => {
    const statements = classifySql('\\dt\nSELECT 1;\n\\i restore.sql');
    expect(statements.map(({ keyword, level }) => [keyword, level])).toEqual([
      ['\\dt', 'read-only'],
      ['SELECT', 'read-only'],
      ['\\i', 'changing'],
    ]);
  });

  it('calls unknown statements changing rather than guessing', () => {
    expect(classifySql('FROBNICATE everything')[0]).toMatchObject({
      level: 'changing',
      reason: 'FROBNICATE is not a known SQL statement (assumed changing)',
    });
  });

  it('does not fail on unterminated literals', () => {
    expect(tokenizeSql("SELECT 'open").map((token) => token.kind)).toEqual(['word', 'string']);
    expect(levelsOf('SELECT "open')).toEqual(['read-only']);
  });

  it('makes one command per statement in SQL blocks, titled by -- comments', async () => {
    const analysis = await analyzeCodeBlock({
      lang: 'psql',
      code: '-- Sessions actives\nSELECT * FROM pg_stat_activity;\n\n-- Nettoyage\nDELETE FROM sessions\nWHERE expired;',
    });
    expect(
      analysis.groups.map((group) => [
        group.title,
        group.commands.map((command) => [command.argv0, command.line, command.endLine, command.level]),
      ]),
    ).toEqual([
      ['Sessions actives', [['SELECT', 2, 2, 'read-only']]],
      ['Nettoyage', [['DELETE', 5, 6, 'destructive']]],
    ]);
    expect(analysis.risk).toBe('destructive');
  });
});
