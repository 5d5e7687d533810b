import { describe, expect, it } from 'vitest';
import type { SeverityClassesData } from '../../../../src/runbooks/extract/drafts/draft-data.js';
import { draftsOf, draftTitled, lineAt, ofKind, seedDrafts, seedsAvailable, seedText } from './draft-fixtures.js';

describe.skipIf(!seedsAvailable)('severity classes in the seeds', () => {
  it('reads seed 003 P1 to P3 from headings, with resolution targets of 60, 240 and 1440 minutes and their criteria', () => {
    const draft = draftTitled<SeverityClassesData>(
      seedDrafts('003'),
      'severity-classes',
      'Classification des Incidents',
    );
    expect(draft.data.classes.map((entry) => [entry.level, entry.name, entry.resolutionTargetMinutes])).toEqual([
      ['P1', 'Critique', 60],
      ['P2', 'Majeur', 240],
      ['P3', 'Mineur', 1440],
    ]);
    expect(draft.data.classes[0]!.criteria).toEqual([
      'Service complètement indisponible',
      'Perte de données',
      'Faille de sécurité active',
      'Performance dégradée > 50%',
    ]);
    expect(draft.data.classes[1]!.criteria).toHaveLength(3);
    expect(draft.data.classes[2]!.criteria).toContain('Performance dégradée < 20%');
    expect(draft.data.classes[0]!.raw).toBe('P1 - Critique (Résolution < 1h)');
  });

  it('gives seed 003 classes the lines from their heading to their last criterion', () => {
    const text = seedText('003');
    const draft = draftTitled<SeverityClassesData>(
      seedDrafts('003'),
      'severity-classes',
      'Classification des Incidents',
    );
    expect(lineAt(text, draft.lines.start)).toBe('## Classification des Incidents');
    expect(lineAt(text, draft.lines.end)).toBe('- Problèmes cosmétiques');
  });

  it('reads seed 004 P1 to P4 from bullets, criteria split on commas and no targets', () => {
    const draft = draftTitled<SeverityClassesData>(seedDrafts('004'), 'severity-classes', 'Classification');
    expect(draft.data.classes.map((entry) => [entry.level, entry.name, entry.resolutionTargetMinutes])).toEqual([
      ['P1', 'Critical', null],
      ['P2', 'High', null],
      ['P3', 'Medium', null],
      ['P4', 'Low', null],
    ]);
    expect(draft.data.classes[0]!.criteria).toEqual(['Service down', 'data loss', 'security breach']);
    expect(draft.lines).toEqual({ start: 45, end: 49 });
  });

  it('finds no severity classes in a runbook that only states its own severity', () => {
    expect(ofKind(seedDrafts('001'), 'severity-classes')).toEqual([]);
  });
});

describe('severity classes in other shapes', () => {
  it('reads a Level | Description | Target table, SEV levels and durations in words', () => {
    const text = [
      '## Severity levels',
      '',
      '| Level | Description | Target |',
      '|---|---|---|',
      '| SEV1 - Critical | Full outage; data loss | 30 minutes |',
      '| SEV2 - High | Major feature broken | < 4h |',
      '| SEV3 - Medium | Minor feature degraded | 2 jours |',
      '| SEV4 - Low | Cosmetic | - |',
    ].join('\n');
    const [draft] = ofKind<SeverityClassesData>(draftsOf(text), 'severity-classes');
    expect(draft?.data.classes.map((entry) => [entry.level, entry.name, entry.resolutionTargetMinutes])).toEqual([
      ['P1', 'Critical', 30],
      ['P2', 'High', 240],
      ['P3', 'Medium', 2880],
      ['P4', 'Low', null],
    ]);
    expect(draft?.data.classes[0]?.criteria).toEqual(['Full outage', 'data loss']);
    expect(draft?.lines).toEqual({ start: 1, end: 8 });
  });

  it('shifts levels counted from zero so that SEV0 is P1', () => {
    const text = '## Incident severity\n\n- **SEV0**: total outage\n- **SEV1**: partial outage\n- **SEV2**: degraded\n';
    const [draft] = ofKind<SeverityClassesData>(draftsOf(text), 'severity-classes');
    expect(draft?.data.classes.map((entry) => entry.level)).toEqual(['P1', 'P2', 'P3']);
  });

  it('takes the name from a parenthesis and a target from a sub-item', () => {
    const text =
      '## Incident severity\n\n- **SEV1 (Critical)**: full outage, payments failing\n  - Resolve within 1 hour\n- **SEV2 (Major)**: degraded checkout\n';
    const [draft] = ofKind<SeverityClassesData>(draftsOf(text), 'severity-classes');
    expect(draft?.data.classes[0]).toMatchObject({
      level: 'P1',
      name: 'Critical',
      criteria: ['full outage', 'payments failing'],
      resolutionTargetMinutes: 60,
    });
    expect(draft?.data.classes[1]).toMatchObject({ level: 'P2', name: 'Major', resolutionTargetMinutes: null });
  });

  it('reads level headings under any title when there are several of them', () => {
    const text = '# Levels\n\n## P1 — Critical (resolve < 2h)\n\n- Checkout down\n\n## P2 — High\n\n- Slow checkout\n';
    const [draft] = ofKind<SeverityClassesData>(draftsOf(text), 'severity-classes');
    expect(draft?.title).toBe('Levels');
    expect(
      draft?.data.classes.map((entry) => [entry.level, entry.name, entry.resolutionTargetMinutes, entry.criteria]),
    ).toEqual([
      ['P1', 'Critical', 120, ['Checkout down']],
      ['P2', 'High', null, ['Slow checkout']],
    ]);
  });
});
