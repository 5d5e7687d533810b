import { describe, expect, it } from 'vitest';
import { formatSqlError } from '../../../src/execution/sql/format-sql-message.js';
import { commandTagLine, formatSqlTable } from '../../../src/execution/sql/format-sql-table.js';

const text = { dataTypeID: 25 };
const int4 = { dataTypeID: 23 };

// Expectations copied from psql 15 (`psql -X -f`), trailing spaces included.
describe('formatting results like psql', () => {
  it('pads a multi-line value of the last column only when a + follows it', () => {
    expect(formatSqlTable([{ name: 'last', ...text }], [['a\nbbb']], 1)).toBe(
      ' last \n------\n a   +\n bbb\n(1 row)\n\n',
    );
  });

  it('right-aligns numbers and leaves the lines below a value blank', () => {
    expect(
      formatSqlTable(
        [
          { name: 'n', ...int4 },
          { name: 'm', ...text },
        ],
        [['12345', '1\n2']],
        1,
      ),
    ).toBe('   n   | m \n-------+---\n 12345 | 1+\n       | 2\n(1 row)\n\n');
  });

  it('prints a result without columns as psql does, and counts rows that were not kept', () => {
    expect(formatSqlTable([], [[]], 1)).toBe('--\n(1 row)\n\n');
    expect(formatSqlTable([{ name: 'id', ...int4 }], [['1']], 5000)).toMatch(/\n {2}1\n\(5000 rows\)\n\n$/);
  });

  it('prints the command tag of a statement without rows, and of a DML statement with RETURNING after its table', () => {
    expect(commandTagLine('CREATE TABLE', false)).toBe('CREATE TABLE\n');
    expect(commandTagLine('INSERT 0 2', true)).toBe('INSERT 0 2\n');
    expect(commandTagLine('SELECT 2', true)).toBe('');
  });

  it('prints errors with the line and a caret under the position, then detail, hint and context', () => {
    const error = {
      severity: 'ERROR',
      message: 'boom',
      position: '18',
      detail: 'Key (id)=(1) exists.',
      hint: 'Try again.',
      where: 'PL/pgSQL function f() line 3',
    };
    expect(formatSqlError(error, 'SELECT 1;\nSELECT nope FROM t')).toBe(
      'ERROR:  boom\nLINE 2: SELECT nope FROM t\n               ^\nDETAIL:  Key (id)=(1) exists.\nHINT:  Try again.\nCONTEXT:  PL/pgSQL function f() line 3\n',
    );
    expect(formatSqlError({ message: 'Connection terminated unexpectedly' }, 'SELECT 1')).toBe(
      'Connection terminated unexpectedly\n',
    );
  });
});
