import { describe, expect, it, vi } from 'vitest';
import type * as TreeSitter from 'web-tree-sitter';

// Counts how often tree-sitter is imported and the Bash grammar loaded, to check both are lazy and cached.
const loads = vi.hoisted(() => ({ imports: 0, grammars: 0 }));
vi.mock('web-tree-sitter', async (importOriginal) => {
  loads.imports++;
  const original = await importOriginal<typeof TreeSitter>();
  const load = original.Language.load.bind(original.Language);
  const Language = new Proxy(original.Language, {
    get: (target, property, receiver) => {
      if (property !== 'load') return Reflect.get(target, property, receiver) as unknown;
      return (input: string | URL | Uint8Array) => {
        loads.grammars++;
        return load(input);
      };
    },
  });
  return { ...original, Language };
});

const { analyzeCodeBlock } = await import('../../../src/runbooks/steps/analyze-code-block.js');

/** A deterministic pseudo-random generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const alphabet = [
  'a',
  'Z',
  '9',
  ' ',
  '\n',
  '\t',
  "'",
  '"',
  '`',
  '$',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  '<',
  '>',
  '|',
  '&',
  ';',
  '\\',
  '#',
  '*',
  '=',
  '-',
  'é',
  '💥',
  'EOF',
  '<<',
  '$(',
  '{{',
  '--',
  '/*',
];

describe('robustness of the step analysis', () => {
  it('does not load the shell parser until a shell block is analysed, and loads it once', async () => {
    expect(loads).toEqual({ imports: 0, grammars: 0 });
    await analyzeCodeBlock({ lang: 'sql', code: 'SELECT 1' });
    await analyzeCodeBlock({ lang: 'yaml', code: 'a: 1' });
    expect(loads).toEqual({ imports: 0, grammars: 0 });
    await Promise.all([
      analyzeCodeBlock({ lang: 'bash', code: 'echo 1' }),
      analyzeCodeBlock({ lang: 'sh', code: 'echo 2' }),
    ]);
    await analyzeCodeBlock({ lang: 'console', code: '$ echo 3' });
    expect(loads).toEqual({ imports: 1, grammars: 1 });
  });

  it('falls back to a line-based reading of unparsable shell and says why', async () => {
    const analysis = await analyzeCodeBlock({
      lang: 'bash',
      code: "echo 'unterminated\nrm -rf /tmp/x\ncurl -s http://x | jq .",
    });
    expect(analysis.parseError).toBe("line 1: reached EOF without closing quote '");
    const commands = analysis.groups.flatMap((group) => group.commands);
    expect(commands.map((command) => [command.line, command.argv0])).toEqual([
      [1, 'echo'],
      [2, 'rm'],
      [3, 'curl'],
    ]);
    expect(analysis.risk).toBe('destructive');
  });

  it('still finds parameters and heredocs in the line-based reading', async () => {
    const analysis = await analyzeCodeBlock({
      lang: 'bash',
      code: 'if then fi (\nredis-cli -a $REDIS_PASSWORD del <key>\npsql <<SQL\nDROP TABLE t;\nSQL',
    });
    expect(analysis.parseError).not.toBeNull();
    expect(analysis.parameters.map((parameter) => parameter.name)).toEqual(['REDIS_PASSWORD', 'key']);
    const commands = analysis.groups.flatMap((group) => group.commands);
    expect(commands.map((command) => [command.line, command.endLine, command.level])).toEqual([
      [1, 1, 'changing'],
      [2, 2, 'destructive'],
      [3, 5, 'destructive'],
    ]);
  });

  it('never throws on random junk in any language', async () => {
    const next = random(42);
    for (let round = 0; round < 300; round++) {
      const length = Math.floor(next() * 80);
      const code = Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)] ?? '').join('');
      const lang = ['bash', 'sql', 'console', 'yaml', ''][round % 5] ?? '';
      const analysis = await analyzeCodeBlock({ lang, code, meta: round % 7 === 0 ? code : null });
      for (const parameter of analysis.parameters)
        for (const occurrence of parameter.occurrences)
          expect(code.slice(occurrence.start, occurrence.end)).toBe(occurrence.raw);
      for (const group of analysis.groups)
        for (const command of group.commands) expect(code.slice(command.start, command.end)).toBe(command.text);
    }
  });

  it('copes with empty blocks and blocks of comments only', async () => {
    for (const code of ['', '\n\n', '# only a comment', '-- only a comment']) {
      const analysis = await analyzeCodeBlock({ lang: code.startsWith('--') ? 'sql' : 'bash', code });
      expect(analysis).toMatchObject({ groups: [], risk: 'read-only', reasons: [], parseError: null });
    }
  });
});
