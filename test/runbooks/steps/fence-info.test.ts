import { describe, expect, it } from 'vitest';
import { analyzeCodeBlock } from '../../../src/runbooks/steps/analyze-code-block.js';
import {
  blockKindOf,
  normalizeLanguage,
  parseAttributes,
  parseFenceInfo,
} from '../../../src/runbooks/steps/fence-info.js';

describe('fence languages and Runme attributes', () => {
  it('normalises shell dialects to shell and psql to sql, keeping other languages as written', () => {
    for (const lang of ['bash', 'sh', 'shell', 'console', 'zsh', 'BASH']) expect(normalizeLanguage(lang)).toBe('shell');
    for (const lang of ['sql', 'psql', 'SQL']) expect(normalizeLanguage(lang)).toBe('sql');
    for (const lang of ['yaml', 'yml', 'json', 'promql', 'python', 'js']) expect(normalizeLanguage(lang)).toBe(lang);
    expect(normalizeLanguage('')).toBeNull();
    expect(normalizeLanguage(null)).toBeNull();
  });

  it('runs shell and SQL blocks and treats everything else as config', () => {
    expect(blockKindOf('shell')).toBe('shell');
    expect(blockKindOf('sql')).toBe('sql');
    for (const language of ['yaml', 'json', 'promql', 'python', null]) expect(blockKindOf(language)).toBe('config');
  });

  it('reads Runme JSON attributes and takes the name for the step', () => {
    expect(parseFenceInfo('sh', '{"name":"restart-redis","excludeFromRunAll":"true"}')).toEqual({
      language: 'shell',
      rawLanguage: 'sh',
      attributes: { name: 'restart-redis', excludeFromRunAll: 'true' },
      name: 'restart-redis',
    });
    expect(parseAttributes('{"interactive":false,"timeout":30,"tags":["a"]}')).toEqual({
      interactive: 'false',
      timeout: '30',
      tags: '["a"]',
    });
  });

  it('reads the older key=value style and a whole info string given as lang', () => {
    expect(parseAttributes('{ name=restart-redis interactive=false }')).toEqual({
      name: 'restart-redis',
      interactive: 'false',
    });
    expect(parseAttributes('{ name="with space", closeTerminalOnSuccess=\'true\' }')).toEqual({
      name: 'with space',
      closeTerminalOnSuccess: 'true',
    });
    expect(parseFenceInfo('sh {"name":"x"}', null)).toMatchObject({ language: 'shell', name: 'x' });
    expect(parseFenceInfo('bash{ name=y }', undefined)).toMatchObject({ language: 'shell', name: 'y' });
    expect(parseFenceInfo('bash', 'not attributes at all')).toMatchObject({ attributes: {}, name: null });
  });

  it('hands language, attributes and executability to the step analysis', async () => {
    const shell = await analyzeCodeBlock({
      lang: 'sh',
      meta: '{"name":"restart-redis","excludeFromRunAll":"true"}',
      code: 'redis-cli ping',
    });
    expect(shell).toMatchObject({
      language: 'shell',
      kind: 'shell',
      executable: true,
      name: 'restart-redis',
      attributes: { excludeFromRunAll: 'true' },
    });
    const yaml = await analyzeCodeBlock({ lang: 'yml', code: 'redis:\n  command: redis-server --maxmemory 2gb' });
    expect(yaml).toMatchObject({
      language: 'yml',
      kind: 'config',
      executable: false,
      groups: [],
      risk: 'read-only',
      reasons: [],
    });
    const bare = await analyzeCodeBlock({ code: 'Alert: "Impayes Critiques"' });
    expect(bare).toMatchObject({ language: null, kind: 'config', executable: false });
  });
});
