import { describe, expect, it } from 'vitest';
import type { ChecklistData } from '../../../../src/runbooks/extract/drafts/draft-data.js';
import { draftsOf, draftTitled, ofKind, seedDrafts, seedsAvailable } from './draft-fixtures.js';

describe.skipIf(!seedsAvailable)('checklists in the seeds', () => {
  it('reads the six unchecked items of the seed 003 resolution checklist', () => {
    const draft = draftTitled<ChecklistData>(seedDrafts('003'), 'checklist', 'Checklist de Résolution');
    expect(draft.data.items).toHaveLength(6);
    expect(draft.data.items[0]).toEqual({ text: 'Problème identifié et corrigé', checked: false, line: 159 });
    expect(draft.data.items.every((item) => !item.checked)).toBe(true);
    expect(draft.lines).toEqual({ start: 158, end: 164 });
  });

  it('reads the three checklists of seed 004 with 12, 6 and 7 items', () => {
    const drafts = ofKind<ChecklistData>(seedDrafts('004'), 'checklist');
    expect(drafts.map((draft) => [draft.title, draft.data.items.length])).toEqual([
      ['Checklist de Déploiement', 12],
      ['Checklist de Maintenance', 6],
      ["Checklist d'Incident", 7],
    ]);
    expect(drafts[0]?.data.items[0]?.text).toBe('Tests passent (unit, integration, e2e)');
    expect(drafts.map((draft) => draft.lines)).toEqual([
      { start: 385, end: 397 },
      { start: 399, end: 405 },
      { start: 407, end: 414 },
    ]);
  });

  it('finds no checklist where there is no task list nor checklist title', () => {
    for (const seed of ['000', '001', '002']) expect(ofKind(seedDrafts(seed), 'checklist')).toEqual([]);
  });
});

describe('checklists in other shapes', () => {
  it('reads a plain list under a checklist title', () => {
    const text = '## Checklist\n\n- Acknowledge the page\n- Open an incident channel\n';
    const [draft] = ofKind<ChecklistData>(draftsOf(text), 'checklist');
    expect(draft?.data.items.map((item) => [item.text, item.checked])).toEqual([
      ['Acknowledge the page', false],
      ['Open an incident channel', false],
    ]);
  });

  it('reads a task list under any heading, keeping what is checked', () => {
    const text = '## Go-live\n\n- [x] Tests green\n- [ ] Changelog written\n  - [ ] Links checked\n';
    const [draft] = ofKind<ChecklistData>(draftsOf(text), 'checklist');
    expect(draft?.title).toBe('Go-live');
    expect(draft?.data.items.map((item) => [item.text, item.checked])).toEqual([
      ['Tests green', true],
      ['Changelog written', false],
      ['Links checked', false],
    ]);
    expect(draft?.lines).toEqual({ start: 3, end: 5 });
  });

  it('names the lists of one heading by the caption before each', () => {
    const text = '## Deployment checklist\n\nBefore:\n- [ ] Tests green\n\nAfter:\n- [ ] Smoke tests pass\n';
    const drafts = ofKind<ChecklistData>(draftsOf(text), 'checklist');
    expect(drafts.map((draft) => [draft.title, draft.lines])).toEqual([
      ['Deployment checklist › Before', { start: 1, end: 4 }],
      ['Deployment checklist › After', { start: 6, end: 7 }],
    ]);
  });

  it('leaves the boxes of a post-mortem template to the template', () => {
    const text = '## Postmortem template\n\n### Summary\n\n### Action items\n\n- [ ] Add alert\n- [ ] Fix root cause\n';
    const drafts = draftsOf(text);
    expect(ofKind(drafts, 'checklist')).toEqual([]);
    expect(ofKind(drafts, 'postmortem-template')).toHaveLength(1);
  });
});
