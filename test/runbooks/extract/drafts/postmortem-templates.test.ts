import { describe, expect, it } from 'vitest';
import type { PostmortemTemplateData } from '../../../../src/runbooks/extract/drafts/draft-data.js';
import { draftsOf, draftTitled, ofKind, seedDrafts, seedsAvailable } from './draft-fixtures.js';

describe.skipIf(!seedsAvailable)('post-mortem templates in the seeds', () => {
  it('reads the seed 002 template, its bold fields as sections', () => {
    const draft = draftTitled<PostmortemTemplateData>(seedDrafts('002'), 'postmortem-template', 'Post-mortem template');
    expect(draft.data.sections).toEqual([
      'Date',
      'Durée',
      'Impact',
      'Cause racine',
      'Résolution',
      'Actions préventives',
    ]);
    expect(draft.data.placeholders).toEqual(['Titre']);
    expect(draft.data.format).toBe('markdown');
    expect(draft.data.body.split('\n')[0]).toBe('## Incident: [Titre]');
    expect(draft.lines).toEqual({ start: 233, end: 245 });
  });

  it('reads the seed 003 template, its headings as sections and its fields apart', () => {
    const draft = draftTitled<PostmortemTemplateData>(seedDrafts('003'), 'postmortem-template', 'Post-Mortem');
    expect(draft.data.sections).toEqual(['Résumé', 'Timeline', 'Root Cause', 'Actions Correctives', 'Lessons Learned']);
    expect(draft.data.fields).toEqual(['Date', 'Durée', 'Impact']);
    expect(draft.data.placeholders).toEqual([
      'ID',
      'Date',
      'X',
      'Description',
      'HH:MM',
      'Description détaillée',
      'Action immédiate',
      'Action à court terme',
      'Action à long terme',
      "Points d'amélioration",
    ]);
    expect(draft.lines).toEqual({ start: 166, end: 192 });
  });

  it('does not take a procedure step named post-mortem for a template', () => {
    expect(ofKind(seedDrafts('004'), 'postmortem-template')).toEqual([]);
  });
});

describe('post-mortem templates in other shapes', () => {
  it('reads a template written as the section itself', () => {
    const text =
      '## Postmortem template\n\n### Summary\n\nWhat happened.\n\n### Timeline\n\n### Root cause\n\n### Action items\n\n## Next\n';
    const [draft] = ofKind<PostmortemTemplateData>(draftsOf(text), 'postmortem-template');
    expect(draft?.data.sections).toEqual(['Summary', 'Timeline', 'Root cause', 'Action items']);
    expect(draft?.lines).toEqual({ start: 1, end: 11 });
  });

  it('finds no template in a section that only asks for a post-mortem', () => {
    const text = '## Post-mortem\n\nHold a blameless post-mortem within five working days.\n';
    expect(ofKind(draftsOf(text), 'postmortem-template')).toEqual([]);
  });
});
