import { describe, expect, it } from 'vitest';
import { formatFields, formatTable } from '../../src/cli/format-table.js';

describe('formatTable', () => {
  it('aligns columns on the widest cell and trims trailing spaces', () => {
    expect(
      formatTable(
        ['ID', 'TITLE', 'X'],
        [
          ['INC-1', 'Short', ''],
          ['INC-100', 'A longer title', 'y'],
        ],
      ),
    ).toBe(['ID       TITLE           X', 'INC-1    Short', 'INC-100  A longer title  y'].join('\n'));
  });

  it('keeps one line per row, cuts long cells with an ellipsis and counts accented letters once', () => {
    const table = formatTable(
      ['A', 'B'],
      [
        ['Défaillance', 'line one\nline two'],
        ['x', 'abcdefghij'],
      ],
      { maxWidths: [undefined, 6] },
    );
    expect(table.split('\n')).toEqual(['A            B', 'Défaillance  line …', 'x            abcde…']);
  });

  it('aligns labelled fields', () => {
    expect(
      formatFields([
        ['Status', 'triggered'],
        ['Resolution due', '-'],
      ]),
    ).toBe('Status:         triggered\nResolution due: -');
  });
});
