import { describe, expect, it } from 'vitest';
import { parseDenyList, parseSecretEnvNames, parseStepEnvironment } from '../../src/config/step-settings.js';

describe('step settings', () => {
  it('compiles each deny list line in multiline mode and skips blank lines', () => {
    const parsed = parseDenyList('^reboot$\n\n\\bmkfs\\b');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toHaveLength(2);
    expect(parsed.value[0]!.test('echo hi\nreboot\n')).toBe(true);
  });

  it('reports every deny list line that does not compile', () => {
    expect(parseDenyList('(\nok\n[z-a]')).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^line 1 /), expect.stringMatching(/^line 3 /)],
    });
  });

  it('keeps step environment values as written, spaces and equals signs included', () => {
    expect(parseStepEnvironment('A=1\r\nB= two words \nC=x=y')).toEqual({
      ok: true,
      value: { A: '1', B: ' two words ', C: 'x=y' },
    });
  });

  it('splits secret names on commas and spaces and drops repeats', () => {
    expect(parseSecretEnvNames(' A, B  A,,C ')).toEqual({ ok: true, value: ['A', 'B', 'C'] });
  });
});
