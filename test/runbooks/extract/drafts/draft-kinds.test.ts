import { describe, expect, it } from 'vitest';
import { draftKindOf, draftSectionOf, isTemplateTitle } from '../../../../src/runbooks/extract/drafts/draft-kind-of.js';
import { draftKindNames, draftKindTable, type DraftKind } from '../../../../src/runbooks/extract/drafts/draft-kinds.js';
import { normalizeTitle } from '../../../../src/runbooks/extract/normalize-title.js';

/** Headings seen in runbooks, by the kind they name (a new kind's go here too). */
const headings: Partial<Record<DraftKind, string[]>> = {
  'severity-classes': ['Classification des incidents', 'Niveaux de sévérité', 'Severity levels', 'Priorités'],
  'escalation-policy': ['Escalade', 'Escalation Matrix', "Matrice d'escalade"],
  contacts: ["Contacts d'urgence", 'Annuaire', 'On-call contacts', 'Fournisseurs'],
  'alert-rules': ['Alertes critiques', 'Métriques clés', 'Monitoring', 'Seuils'],
  'communication-template': ['Template de communication', 'Modèle de message', 'Email template'],
  checklist: ['Checklist de résolution', 'Liste de contrôle'],
  'postmortem-template': ['Post-mortem', 'RETEX', "Retour d'expérience", 'Incident review'],
};

describe('the draft kinds table', () => {
  it('names the kind of each heading by the row whose title words start it', () => {
    for (const kind of draftKindNames)
      for (const heading of headings[kind] ?? []) expect(draftKindOf(heading), heading).toBe(kind);
  });

  it('has no heading named by two rows, so the order of the rows never decides a kind', () => {
    for (const heading of Object.values(headings).flat()) {
      const matching = draftKindNames.filter((kind) => draftKindTable[kind].title.test(normalizeTitle(heading)));
      expect(matching, heading).toHaveLength(1);
    }
  });

  it('names no kind for a heading of a runbook section', () => {
    expect(draftKindOf('Diagnostic')).toBeNull();
    expect(draftSectionOf('Résolution')).toBeNull();
  });

  it('keeps the body of message, checklist and post-mortem templates whole, not as steps', () => {
    expect(isTemplateTitle('Template de communication')).toBe(true);
    expect(isTemplateTitle('Checklist')).toBe(true);
    expect(isTemplateTitle('Post-mortem')).toBe(true);
    expect(isTemplateTitle('Escalade')).toBe(false);
    expect(isTemplateTitle('Alertes')).toBe(false);
  });

  it('files a draft heading inside an incident runbook under the section it belongs to', () => {
    expect(draftSectionOf('Escalade')).toBe('escalation');
    expect(draftSectionOf('Contacts')).toBe('escalation');
    expect(draftSectionOf('Template de communication')).toBe('communication');
    expect(draftSectionOf('Alertes')).toBe('prevention');
    expect(draftSectionOf('Checklist')).toBe('notes');
  });
});
