import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { draftKindTable } from '../../../../src/runbooks/extract/drafts/draft-kinds.js';
import type { Draft } from '../../../../src/runbooks/runbook-model.js';
import { draftsOf, seedDrafts, seedsAvailable, seedText } from './draft-fixtures.js';

/** Kind, title and how many entries each draft holds: what the import report lists. */
function overview(drafts: readonly Draft[]): [string, string, number][] {
  return drafts.map((draft) => {
    const entries = Object.values(draft.data).find(Array.isArray) as unknown[] | undefined;
    return [draft.kind, draft.title, draft.kind.endsWith('template') ? 1 : (entries?.length ?? 0)];
  });
}

describe.skipIf(!seedsAvailable)('drafts of the seeds', () => {
  it('finds in seed 000 its alert rules, contacts and escalation levels', () => {
    expect(overview(seedDrafts('000'))).toEqual([
      ['alert-rules', 'Dispatch bloqué (clé Redis expirée) › Prévention', 1],
      ['alert-rules', 'Métriques critiques', 4],
      ['contacts', "Contacts d'urgence", 3],
      ['escalation-policy', 'Escalade', 4],
    ]);
  });

  it('finds in seed 001 the alerts inside its runbooks and the e-mail template', () => {
    expect(overview(seedDrafts('001'))).toEqual([
      ['alert-rules', 'Base de Données Down › Monitoring', 3],
      ['alert-rules', 'Cache Redis Down › Prévention', 2],
      ['alert-rules', "Haute Rate d'Erreurs API › Prévention", 2],
      ['alert-rules', 'Impayés Critiques (>60 jours) › Détection Automatique', 1],
      ['communication-template', 'Impayés Critiques (>60 jours) › Email template', 1],
      ['alert-rules', 'Performance Agents Très Basse › Détection', 1],
    ]);
  });

  it('finds in seed 002 the escalation table, a prevention alert and the post-mortem template', () => {
    expect(overview(seedDrafts('002'))).toEqual([
      ['escalation-policy', 'Contacts & Escalade', 3],
      ['alert-rules', 'INC-001: Backend ne répond plus (HTTP 502/503) › Prévention', 1],
      ['postmortem-template', 'Post-mortem template', 1],
    ]);
  });

  it('finds in seed 003 its severities, channels, message, checklist, post-mortem and contacts', () => {
    expect(overview(seedDrafts('003'))).toEqual([
      ['severity-classes', 'Classification des Incidents', 3],
      ['contacts', 'Canal de Communication', 3],
      ['communication-template', 'Template de Communication', 1],
      ['checklist', 'Checklist de Résolution', 6],
      ['postmortem-template', 'Post-Mortem', 1],
      ['contacts', "Contacts d'Urgence", 8],
    ]);
  });

  it('finds in seed 004 its contacts, escalations, alerts, severities, message and checklists', () => {
    expect(overview(seedDrafts('004'))).toEqual([
      ['contacts', "Contacts d'Urgence", 5],
      ['escalation-policy', 'Escalation Matrix', 3],
      ['alert-rules', 'Alertes Critiques', 6],
      ['alert-rules', 'Métriques Clés', 5],
      ['severity-classes', 'Classification', 4],
      ['communication-template', 'Templates de Communication', 1],
      ['escalation-policy', 'Escalation Support', 3],
      ['checklist', 'Checklist de Déploiement', 12],
      ['checklist', 'Checklist de Maintenance', 6],
      ['checklist', "Checklist d'Incident", 7],
      ['contacts', 'Contacts et Ressources', 10],
    ]);
  });

  it('gives every draft data that its kind schema accepts and lines inside the file, starting on written text', () => {
    for (const seed of ['000', '001', '002', '003', '004']) {
      const lines = seedText(seed).split('\n');
      for (const draft of seedDrafts(seed)) {
        expect(Value.Check(draftKindTable[draft.kind].data, draft.data), `${seed} ${draft.title}`).toBe(true);
        expect(draft.lines.start).toBeGreaterThanOrEqual(1);
        expect(draft.lines.end).toBeGreaterThanOrEqual(draft.lines.start);
        expect(draft.lines.end).toBeLessThanOrEqual(lines.length);
        expect(lines[draft.lines.start - 1]?.trim(), `${seed} ${draft.title}`).not.toBe('');
        expect(lines[draft.lines.end - 1]?.trim(), `${seed} ${draft.title}`).not.toBe('');
      }
    }
  });

  it('returns drafts in document order', () => {
    for (const seed of ['000', '001', '002', '003', '004']) {
      const starts = seedDrafts(seed).map((draft) => draft.lines.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });
});

describe('drafts of other documents', () => {
  it('finds nothing in a runbook that is only a procedure', () => {
    const text =
      '# Restart the API\n\n## Symptoms\n\n- 502 errors\n\n## Resolution\n\n```bash\nsystemctl restart api\n```\n';
    expect(draftsOf(text)).toEqual([]);
  });

  it('finds every kind in an English handbook', () => {
    const text = [
      '# Handbook',
      '',
      '## Severity levels',
      '',
      '- **P1 - Critical**: outage',
      '- **P2 - High**: degraded',
      '',
      '## Escalation',
      '',
      '| Level | Who | After |',
      '|---|---|---|',
      '| 1 | Primary | 0 min |',
      '| 2 | Manager | 15 min |',
      '',
      '## On-call contacts',
      '',
      '- **Primary**: +1 555 010 2030',
      '',
      '## Alerts',
      '',
      '- Error rate > 2% for 5 minutes',
      '',
      '## Communication template',
      '',
      '```',
      'Investigating [issue]',
      '```',
      '',
      '## Checklist',
      '',
      '- [ ] Page acknowledged',
      '',
      '## Postmortem template',
      '',
      '```markdown',
      '## Summary',
      '## Timeline',
      '## Action items',
      '```',
    ].join('\n');
    expect(overview(draftsOf(text))).toEqual([
      ['severity-classes', 'Severity levels', 2],
      ['escalation-policy', 'Escalation', 2],
      ['contacts', 'On-call contacts', 1],
      ['alert-rules', 'Alerts', 1],
      ['communication-template', 'Communication template', 1],
      ['checklist', 'Checklist', 1],
      ['postmortem-template', 'Postmortem template', 1],
    ]);
  });
});
