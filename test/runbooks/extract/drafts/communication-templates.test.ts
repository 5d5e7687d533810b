import { describe, expect, it } from 'vitest';
import type { CommunicationTemplateData } from '../../../../src/runbooks/extract/drafts/draft-data.js';
import { draftsOf, draftTitled, lineAt, ofKind, seedDrafts, seedsAvailable, seedText } from './draft-fixtures.js';

describe.skipIf(!seedsAvailable)('communication templates in the seeds', () => {
  it('reads the incident message of seed 003 with its bracketed blanks', () => {
    const draft = draftTitled<CommunicationTemplateData>(
      seedDrafts('003'),
      'communication-template',
      'Template de Communication',
    );
    expect(draft.data.format).toBe('text');
    expect(draft.data.placeholders).toEqual([
      'P[1-3]',
      'Titre',
      'Date/Heure',
      "Description de l'impact",
      "Nombre d'utilisateurs/services",
      'Actions en cours',
      'Estimation de résolution',
    ]);
    expect(draft.data.body.split('\n')[0]).toBe('🚨 INCIDENT - P[1-3] - [Titre]');
    expect(draft.data.body).toContain('Status page: https://status.rag-system.com');
    expect(draft.data).toMatchObject({ channel: null, subject: null });
    expect(draft.lines).toEqual({ start: 44, end: 55 });
  });

  it('reads the Markdown status update of seed 004', () => {
    const draft = draftTitled<CommunicationTemplateData>(
      seedDrafts('004'),
      'communication-template',
      'Templates de Communication',
    );
    expect(draft.data.format).toBe('markdown');
    expect(draft.data.body).toContain('**Status**: Investigating');
    expect(draft.data.placeholders).toEqual([]);
    expect(draft.lines).toEqual({ start: 59, end: 66 });
  });

  it('reads the e-mail template of seed 001 from its caption, subject apart and mustache blanks named', () => {
    const text = seedText('001');
    const [draft, ...others] = ofKind<CommunicationTemplateData>(seedDrafts('001'), 'communication-template');
    expect(others).toEqual([]);
    expect(draft?.title).toBe('Impayés Critiques (>60 jours) › Email template');
    expect(draft?.data).toMatchObject({
      channel: 'email',
      subject: 'URGENT - Impayés Critiques Détectés',
      format: 'text',
    });
    expect(draft?.data.placeholders).toEqual(['nb_impayes', 'affected_sites', 'total_montant']);
    expect(draft?.data.body.split('\n')[0]).toBe('{{ nb_impayes }} impayés dépasse 60 jours pour {{ affected_sites }}');
    expect(lineAt(text, draft!.lines.start)).toBe('```');
    expect(lineAt(text, draft!.lines.start + 1)).toContain('Email template');
  });

  it('does not take SQL with mustache parameters for a template', () => {
    const bodies = ofKind<CommunicationTemplateData>(seedDrafts('001'), 'communication-template').map(
      (draft) => draft.data.body,
    );
    expect(bodies.join('\n')).not.toContain('agent_id');
  });
});

describe('communication templates in other shapes', () => {
  it('reads a quoted status page update and names its channel from the title', () => {
    const text =
      '## Status page update template\n\n> We are investigating an issue affecting [service]. Next update at [time].\n';
    const [draft] = ofKind<CommunicationTemplateData>(draftsOf(text), 'communication-template');
    expect(draft?.data).toMatchObject({
      channel: 'status-page',
      format: 'text',
      placeholders: ['service', 'time'],
      body: 'We are investigating an issue affecting [service]. Next update at [time].',
    });
  });

  it('reads a Slack message with angle and mustache blanks, a decorated blank counted once', () => {
    const text =
      '## Slack message template\n\n```\n:rotating_light: [SEV{{ level }}] {{ service }} is degraded\nImpact: <impact>\n```\n';
    const [draft] = ofKind<CommunicationTemplateData>(draftsOf(text), 'communication-template');
    expect(draft?.data.channel).toBe('slack');
    expect(draft?.data.placeholders).toEqual(['level', 'service', 'impact']);
  });

  it('gives each of several templates under one title its own draft', () => {
    const text = '## Communication templates\n\n```\nFirst: [what]\n```\n\n```\nResolved: [what]\n```\n';
    const drafts = ofKind<CommunicationTemplateData>(draftsOf(text), 'communication-template');
    expect(drafts.map((draft) => [draft.title, draft.lines])).toEqual([
      ['Communication templates (1)', { start: 1, end: 5 }],
      ['Communication templates (2)', { start: 7, end: 9 }],
    ]);
  });

  it('does not take a shell comment naming a template for one', () => {
    const text = '## Notify\n\n```bash\n# Email template rendering\n./render.sh incident.tpl\n```\n';
    expect(ofKind(draftsOf(text), 'communication-template')).toEqual([]);
  });
});
