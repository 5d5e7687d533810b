import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createLogger, resolveLogFormat } from '../../src/node/create-logger.js';

function output(isTTY: boolean): { lines: string[]; write(text: string): void; isTTY: boolean } {
  const lines: string[] = [];
  return { lines, isTTY, write: (text: string) => lines.push(text) };
}

describe('the logs a server or runner process prints', () => {
  it('are readable lines on a terminal: time, level, message, then the fields', () => {
    const terminal = output(true);
    createLogger({ level: 'info', format: 'auto', service: 'astreinte', output: terminal }).info(
      { migrations: ['001_init'] },
      'database migrated',
    );
    const text = stripVTControlCharacters(terminal.lines.join(''));
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: database migrated\n/);
    expect(text).toContain('migrations: [');
    expect(text).not.toContain('"level"');
    expect(text).not.toContain('hostname');
  });

  it('are one JSON object per line when piped, for a log collector', () => {
    const pipe = output(false);
    const logger = createLogger({ level: 'info', format: 'auto', service: 'astreinte-runner', output: pipe });
    logger.info({ job: 'j1' }, 'step claimed');
    logger.debug('not at this level');
    expect(pipe.lines).toHaveLength(1);
    expect(JSON.parse(pipe.lines[0]!)).toMatchObject({
      level: 30,
      service: 'astreinte-runner',
      job: 'j1',
      msg: 'step claimed',
    });
  });

  it('follow an explicit format whatever the output is', () => {
    expect(resolveLogFormat('json', { write: () => 0, isTTY: true })).toBe('json');
    expect(resolveLogFormat('pretty', { write: () => 0 })).toBe('pretty');
    const pipe = output(false);
    createLogger({ level: 'info', format: 'pretty', service: 'astreinte', output: pipe }).warn('disk almost full');
    // Not a terminal: no colour codes in the file it goes to.
    expect(pipe.lines.join('')).toMatch(/^\[\d\d:\d\d:\d\d\] WARN: disk almost full\n$/);
  });
});
