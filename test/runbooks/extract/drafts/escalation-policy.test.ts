import { describe, expect, it } from 'vitest';
import type { EscalationPolicyData } from '../../../../src/runbooks/extract/drafts/draft-data.js';
import { draftsOf, draftTitled, lineAt, ofKind, seedDrafts, seedsAvailable, seedText } from './draft-fixtures.js';

type Policy = EscalationPolicyData;

describe.skipIf(!seedsAvailable)('escalation policies in the seeds', () => {
  it('reads the 0/15/30-minute escalation matrix of seed 004', () => {
    const draft = draftTitled<Policy>(seedDrafts('004'), 'escalation-policy', 'Escalation Matrix');
    expect(draft.data.levels.map((level) => [level.level, level.target, level.delayMinutes, level.windowRaw])).toEqual([
      [1, 'Développeur on-call', 0, '0-15 min'],
      [2, 'DevOps Lead', 15, '15-30 min'],
      [3, 'CTO', 30, '30+ min'],
    ]);
    expect(draft.data.repeat).toBeNull();
    expect(draft.lines).toEqual({ start: 12, end: 15 });
  });

  it('reads the L1/L2/L3 table of seed 002, response delays kept and paging times summed', () => {
    const text = seedText('002');
    const draft = draftTitled<Policy>(seedDrafts('002'), 'escalation-policy', 'Contacts & Escalade');
    expect(
      draft.data.levels.map((level) => [
        level.level,
        level.role,
        level.target,
        level.windowRaw,
        level.responseMinutes,
        level.delayMinutes,
      ]),
    ).toEqual([
      [1, 'Ops', 'Équipe opérations', '15 min', 15, 0],
      [2, 'Dev', 'Lead développeur', '30 min', 30, 15],
      [3, 'CTO', 'CTO / Architecte', '1h', 60, 45],
    ]);
    expect(lineAt(text, draft.lines.start)).toBe('## Contacts & Escalade');
    expect(lineAt(text, draft.lines.end)).toBe('| L3 - CTO | CTO / Architecte | 1h |');
  });

  it('reads the four levels of seed 000 without delays', () => {
    const draft = draftTitled<Policy>(seedDrafts('000'), 'escalation-policy', 'Escalade');
    expect(draft.data.levels.map((level) => level.level)).toEqual([1, 2, 3, 4]);
    expect(draft.data.levels[0]).toMatchObject({
      target: 'Diagnostic et solution standard',
      delayMinutes: null,
      windowRaw: null,
    });
    expect(draft.data.levels[2]?.target).toBe("l'équipe de développement");
    expect(draft.lines).toEqual({ start: 338, end: 343 });
  });

  it('reads the support escalation of seed 004 as a second policy, scopes kept as notes', () => {
    const draft = draftTitled<Policy>(seedDrafts('004'), 'escalation-policy', 'Escalation Support');
    expect(draft.data.levels.map((level) => [level.target, level.notes, level.delayMinutes])).toEqual([
      ['Support utilisateur', 'FAQ, guides', null],
      ['Équipe technique', 'bugs, problèmes', null],
      ['Développement', 'nouvelles fonctionnalités', null],
    ]);
  });

  it('does not take a title that mentions escalation but holds no levels for a policy', () => {
    expect(ofKind<Policy>(seedDrafts('003'), 'escalation-policy')).toEqual([]);
    expect(ofKind<Policy>(seedDrafts('001'), 'escalation-policy')).toEqual([]);
  });
});

describe('escalation policies in other shapes', () => {
  it('reads a Level | Who | After table as paging times, and a repeat count', () => {
    const text = [
      '## Escalation',
      '',
      '| Level | Who | After |',
      '|---|---|---|',
      '| 1 | Primary on-call | 0 min |',
      '| 2 | Secondary on-call | 10 min |',
      '| 3 | Engineering manager | 30 min |',
      '',
      'Repeat 2 times, then page the CTO.',
    ].join('\n');
    const [draft] = ofKind<Policy>(draftsOf(text), 'escalation-policy');
    expect(
      draft?.data.levels.map((level) => [level.level, level.target, level.delayMinutes, level.responseMinutes]),
    ).toEqual([
      [1, 'Primary on-call', 0, null],
      [2, 'Secondary on-call', 10, null],
      [3, 'Engineering manager', 30, null],
    ]);
    expect(draft?.data.repeat).toBe(2);
  });

  it('finds an escalation table under a title that does not name it when it has a time column', () => {
    const text =
      '## On-call\n\n| Tier | Team | Escalate after |\n|---|---|---|\n| T1 | SRE | 5 min |\n| T2 | Platform | 20 min |\n';
    const [draft] = ofKind<Policy>(draftsOf(text), 'escalation-policy');
    expect(draft?.data.levels.map((level) => [level.level, level.target, level.delayMinutes])).toEqual([
      [1, 'SRE', 5],
      [2, 'Platform', 20],
    ]);
    expect(draft?.lines).toEqual({ start: 3, end: 6 });
  });

  it('reads immediately and after-phrases in a list', () => {
    const text =
      '## Escalation policy\n\n1. **Level 1**: Primary on-call (immediately)\n2. **Level 2**: Team lead (after 15 min)\n3. **Level 3**: Head of engineering - after 1h\n';
    const [draft] = ofKind<Policy>(draftsOf(text), 'escalation-policy');
    expect(draft?.data.levels.map((level) => [level.target, level.delayMinutes, level.windowRaw])).toEqual([
      ['Primary on-call', 0, 'immediately'],
      ['Team lead', 15, 'after 15 min'],
      ['Head of engineering', 60, 'after 1h'],
    ]);
  });

  it('reads response delays written in a list the same way as in a table', () => {
    const text =
      '## Escalade\n\n- **Niveau 1**: Astreinte (répond sous 10 min)\n- **Niveau 2**: Responsable technique (répond sous 20 min)\n- **Niveau 3**: Direction\n';
    const [draft] = ofKind<Policy>(draftsOf(text), 'escalation-policy');
    expect(draft?.data.levels.map((level) => [level.responseMinutes, level.delayMinutes])).toEqual([
      [10, 0],
      [20, 10],
      [null, 30],
    ]);
  });

  it('leaves a bulleted list of advice under an escalation title alone', () => {
    const text = '## Escalation\n\n- Call the DBA if the database does not restart\n- Open a ticket with the vendor\n';
    expect(ofKind(draftsOf(text), 'escalation-policy')).toEqual([]);
  });

  it('does not take a table of P1/P2 levels with an owner and a delay for an escalation policy', () => {
    const text = '## Support\n\n| Level | Owner | SLA |\n|---|---|---|\n| P1 | SRE | 15 min |\n| P2 | Support | 4h |\n';
    expect(ofKind(draftsOf(text), 'escalation-policy')).toEqual([]);
  });
});
