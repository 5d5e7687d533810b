import { describe, expect, it, vi } from 'vitest';
import type * as TreeSitter from 'web-tree-sitter';
import type { StepCommand } from '../../../src/runbooks/steps/step-types.js';

// Lets a test make the next load of the Bash grammar fail, as a missing or corrupt wasm file would.
const grammar = vi.hoisted(() => ({ failures: 0, loads: 0 }));
vi.mock('web-tree-sitter', async (importOriginal) => {
  const original = await importOriginal<typeof TreeSitter>();
  const load = original.Language.load.bind(original.Language);
  const Language = new Proxy(original.Language, {
    get: (target, property, receiver) => {
      if (property !== 'load') return Reflect.get(target, property, receiver) as unknown;
      return (input: string | URL | Uint8Array) => {
        grammar.loads++;
        if (grammar.failures > 0) {
          grammar.failures--;
          return Promise.reject(new Error('cannot read tree-sitter-bash.wasm'));
        }
        return load(input);
      };
    },
  });
  return { ...original, Language };
});

const { analyzeCodeBlock } = await import('../../../src/runbooks/steps/analyze-code-block.js');

const commandsOf = async (code: string): Promise<StepCommand[]> =>
  (await analyzeCodeBlock({ lang: 'bash', code })).groups.flatMap((group) => group.commands);

describe('the tree-sitter shell parser', () => {
  it('falls back to the line-based reading when it cannot be loaded, and loads it on a later call', async () => {
    grammar.failures = 1;
    const first = await analyzeCodeBlock({ lang: 'bash', code: 'redis-cli flushall' });
    expect(first.parseError).toBe('shell parser unavailable');
    expect(first.risk).toBe('destructive');
    const second = await analyzeCodeBlock({ lang: 'bash', code: 'redis-cli flushall' });
    expect(second.parseError).toBeNull();
    expect(grammar.loads).toBe(2);
    await analyzeCodeBlock({ lang: 'bash', code: 'ls' });
    expect(grammar.loads).toBe(2);
  });

  it('keeps spans exact after accents, emoji and placeholders', async () => {
    const code =
      '# Vérifier 💥 la file d\'attente\nredis-cli -a "$MOT_DE_PASSE" llen "file:<queue>" # éè 💥\ncurl -H "X: $TOKEN" http://x/<id>';
    const analysis = await analyzeCodeBlock({ lang: 'bash', code });
    const commands = analysis.groups.flatMap((group) => group.commands);
    for (const command of commands) expect(code.slice(command.start, command.end)).toBe(command.text);
    expect(commands.map((command) => command.text)).toEqual([
      'redis-cli -a "$MOT_DE_PASSE" llen "file:<queue>"',
      'curl -H "X: $TOKEN" http://x/<id>',
    ]);
    expect(analysis.parameters.map((parameter) => parameter.name)).toEqual(['MOT_DE_PASSE', 'queue', 'TOKEN', 'id']);
    for (const parameter of analysis.parameters)
      for (const occurrence of parameter.occurrences)
        expect(code.slice(occurrence.start, occurrence.end)).toBe(occurrence.raw);
  });

  it('gives a trailing redirection of a pipeline or a list to its last command', async () => {
    const [replay, chain] = await commandsOf(
      'cat notes.txt | psql -d app < backup.sql\ncd /srv && pg_dump app > /tmp/app.sql',
    );
    expect(replay?.reasons.map((reason) => reason.reason)).toContain(
      'psql replays a dump (backup.sql) into a live database',
    );
    expect(chain?.reasons.map((reason) => reason.reason)).toContain('writes output to /tmp/app.sql');
  });

  it('keeps the words written after a redirection as arguments of the command', async () => {
    const [grep, psql] = await commandsOf(
      'grep -c ERROR > /tmp/count.txt app.log\npsql <<SQL -d app\nDROP TABLE jobs;\nSQL',
    );
    expect(grep?.argv).toEqual(['grep', '-c', 'ERROR', 'app.log']);
    expect(psql).toMatchObject({ argv: ['psql', '-d', 'app'], level: 'destructive', endLine: 4 });
  });

  it('reads the commands piped after a heredoc and the bash time keyword', async () => {
    const [heredoc, timed] = await commandsOf('cat <<EOF | kubectl apply -f -\nkind: Pod\nEOF\ntime redis-cli ping');
    expect(heredoc?.calls.map((call) => call.argv0)).toEqual(['cat', 'kubectl']);
    expect(heredoc?.level).toBe('changing');
    expect(timed).toMatchObject({ argv0: 'redis-cli', wrappers: [], level: 'read-only' });
  });

  it('reports syntax errors the way the shell words them, with the line where they start', async () => {
    const errorOf = async (code: string) => (await analyzeCodeBlock({ lang: 'bash', code })).parseError;
    expect(await errorOf('ls\necho "unterminated')).toBe('line 2: reached EOF without closing quote "');
    expect(await errorOf('echo $(date\nls')).toBe('line 1: reached EOF without matching $( with )');
    expect(await errorOf('cat <<EOF\nno end')).toBe("line 1: unclosed here-document 'EOF'");
    expect(await errorOf('ls &&')).toBe('line 1: && must be followed by a statement');
    expect(await errorOf('echo ok\nfi')).toBe('line 2: "fi" can only be used to end an if');
    expect(await errorOf('a ;; b')).toBe('line 1: ;; can only be used in a case clause');
  });
});
