import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rewriteSqlStep, sqlBindValues } from '../../../src/execution/parameters/rewrite-sql-step.js';
import { stepWith, type PlaceholderForm } from './step-fixtures.js';

const id: PlaceholderForm = { label: '{{ id }}', token: '{{ id }}', name: 'id', form: 'mustache' };
const name: PlaceholderForm = { label: '<name>', token: '<name>', name: 'name', form: 'angle' };
const rewrite = (template: string, first: PlaceholderForm = id, second?: PlaceholderForm) => {
  const { code, parameters } = stepWith(template, first, second);
  return rewriteSqlStep(code, parameters);
};

describe('rewriteSqlStep', () => {
  it('binds placeholders in code as $1, $2 … and a repeated name once', () => {
    expect(rewrite('SELECT * FROM tasks WHERE id = @P@ AND owner = @Q@ OR parent = @P@', id, name)).toEqual({
      text: 'SELECT * FROM tasks WHERE id = $1 AND owner = $2 OR parent = $1',
      order: ['id', 'name'],
    });
  });

  it('turns a literal that is only a placeholder into a plain parameter', () => {
    expect(rewrite("DELETE FROM jobs WHERE id = '@P@'")).toEqual({
      text: 'DELETE FROM jobs WHERE id = $1',
      order: ['id'],
    });
  });

  it('turns a placeholder inside a longer literal into a concatenation, never text', () => {
    expect(rewrite("SELECT * FROM logs WHERE msg LIKE '%task @P@ failed: it''s @Q@%'", id, name).text).toBe(
      "SELECT * FROM logs WHERE msg LIKE ('%task ' || $1::text || ' failed: it''s ' || $2::text || '%')",
    );
    expect(rewrite("SELECT E'line\\n@P@'").text).toBe("SELECT (E'line\\n' || $1::text)");
  });

  it('leaves placeholders in comments alone and binds nothing for them', () => {
    expect(rewrite('-- for @P@\nSELECT 1 /* not @P@ /* nested */ either */ WHERE x = @Q@', id, name)).toEqual({
      text: '-- for {{ id }}\nSELECT 1 /* not {{ id }} /* nested */ either */ WHERE x = $1',
      order: ['name'],
    });
  });

  it('refuses placeholders where a value cannot be bound', () => {
    expect(() => rewrite('SELECT * FROM "@P@"')).toThrow(/id \(line 1\).*quoted identifier/);
    expect(() => rewrite('DO $$ BEGIN PERFORM @P@; END $$')).toThrow(/dollar-quoted/);
    expect(() => rewrite('DO $body$ BEGIN PERFORM @P@; END $body$')).toThrow(/dollar-quoted/);
    expect(() => rewrite("SELECT X'@P@'")).toThrow(/X'…' string/);
  });

  it('refuses a statement that already uses its own $1 parameters', () => {
    expect(() => rewrite('SELECT $1, @P@')).toThrow(/already uses \$1-style parameters/);
  });

  it('gives the values in bind order, missing ones as NULL', () => {
    expect(sqlBindValues(['id', 'name'], { name: 'n', id: '7' })).toEqual(['7', 'n']);
    expect(sqlBindValues(['id'], {})).toEqual([null]);
  });
});

describe('rewritten SQL run by PostgreSQL', () => {
  let db: PGlite;
  const hostile = "x'); DROP TABLE tasks; --";

  beforeAll(async () => {
    db = await PGlite.create();
    await db.exec(
      "CREATE TABLE tasks (id integer PRIMARY KEY, label text); INSERT INTO tasks VALUES (1, 'one'), (2, 'two')",
    );
  });

  afterAll(async () => {
    await db.close();
  });

  it('keeps a hostile value as data in code, whole literals and concatenations', async () => {
    const rewritten = rewrite("SELECT @P@ AS a, '@P@' AS b, 'pre-@P@-post' AS c", { ...id, form: 'mustache' });
    const result = await db.query<{ a: string; b: string; c: string }>(
      rewritten.text,
      sqlBindValues(rewritten.order, { id: hostile }),
    );
    expect(result.rows).toEqual([{ a: hostile, b: hostile, c: `pre-${hostile}-post` }]);
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tasks')).rows).toEqual([{ n: 2 }]);
  });

  it('lets PostgreSQL type a whole-literal parameter like the literal it replaced', async () => {
    const rewritten = rewrite("SELECT label FROM tasks WHERE id = '@P@'");
    const result = await db.query<{ label: string }>(rewritten.text, sqlBindValues(rewritten.order, { id: '2' }));
    expect(result.rows).toEqual([{ label: 'two' }]);
  });
});
