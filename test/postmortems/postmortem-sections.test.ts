import { describe, expect, it } from 'vitest';
import { initialSections, sectionKindOf } from '../../src/postmortems/postmortem-sections.js';

describe('the sections of a new post-mortem', () => {
  it("follows a template's headings in French or English, adds what every post-mortem needs, and skips header fields", () => {
    // The bold fields of seed 002's template: date and duration are measured, not written.
    const sections = initialSections(['Date', 'Durée', 'Impact', 'Cause racine', 'Résolution', 'Actions préventives'], {
      summary: 'Down',
      impact: 'All users',
    });
    expect(sections.map((section) => [section.key, section.kind, section.title, section.body])).toEqual([
      ['impact', 'impact', 'Impact', 'All users'],
      ['root-cause', 'rootCause', 'Cause racine', ''],
      ['resolution', 'resolution', 'Résolution', ''],
      ['actions', 'actions', 'Actions préventives', ''],
      ['summary', 'summary', 'Summary', 'Down'],
      ['timeline', 'timeline', 'Timeline', ''],
      ['durations', 'durations', 'Durations', ''],
      ['lessons', 'lessons', 'Lessons learned', ''],
    ]);
  });

  it('gives unknown headings their own section and repeated kinds their own keys', () => {
    expect(sectionKindOf('Leçons apprises')).toBe('lessons');
    expect(sectionKindOf('Chronologie')).toBe('timeline');
    expect(sectionKindOf('Communication clients')).toBe('custom');
    const keys = initialSections(
      ['Résumé', 'Communication clients', 'Questions ouvertes', 'Actions court terme', 'Actions long terme'],
      { summary: '', impact: '' },
    ).map((section) => section.key);
    expect(keys.slice(0, 5)).toEqual(['summary', 'custom', 'custom-2', 'actions', 'actions-2']);
  });

  it('uses the default list without a template', () => {
    expect(initialSections(null, { summary: '', impact: '' }).map((section) => section.title)).toEqual([
      'Summary',
      'Impact',
      'Timeline',
      'Durations',
      'Root cause',
      'Resolution',
      'Corrective actions',
      'Lessons learned',
    ]);
  });
});
