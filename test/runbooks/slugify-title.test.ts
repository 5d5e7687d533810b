import { describe, expect, it } from 'vitest';
import { assignSlugs, slugifyTitle } from '../../src/runbooks/slugify-title.js';

describe('runbook slugs', () => {
  it('lowercases, strips accents and joins words with dashes', () => {
    expect(slugifyTitle('Redis : mémoire saturée (OOM)')).toBe('redis-memoire-saturee-oom');
    expect(slugifyTitle('  Ça coûte cher — Œuvre & Straße ')).toBe('ca-coute-cher-oeuvre-strasse');
  });

  it('drops emoji and punctuation', () => {
    expect(slugifyTitle('🔥 INC-003 : API down 🚨!!')).toBe('inc-003-api-down');
  });

  it('falls back to "runbook" when nothing usable is left', () => {
    expect(slugifyTitle('🚒 🚑')).toBe('runbook');
  });

  it('keeps at most 80 characters, cutting between words', () => {
    const slug = slugifyTitle('Procédure de reprise '.repeat(10));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^procedure-de-reprise-.*[a-z]$/);
    expect(slugifyTitle('x'.repeat(120))).toBe('x'.repeat(80));
  });

  it('numbers titles of one import that give the same slug', () => {
    expect(assignSlugs(['Build failures', 'Build Failures!', 'Deploy', 'build failures'])).toEqual([
      'build-failures',
      'build-failures-2',
      'deploy',
      'build-failures-3',
    ]);
    const long = 'word '.repeat(30);
    const [first, second] = assignSlugs([long, long]);
    expect(first!.length).toBeLessThanOrEqual(80);
    expect(second!.length).toBeLessThanOrEqual(80);
    expect(second).toMatch(/^word-word-.*-2$/);
  });
});
