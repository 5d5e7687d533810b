import { describe, expect, it } from 'vitest';
import type { TemplateDraftAdoption } from '../../src/notifications/store/adopt-template-draft.js';
import { adopt, auditRows, draftStatus, type ImportedDraft } from '../support/draft-adoption.js';
import { testBackends } from '../support/test-database.js';
import { useTestApp, type TestApp } from '../support/test-app.js';

/** A process page with a message template (one blank no glossary knows) and a post-mortem template. */
const process = (name: string, sections: readonly string[]) =>
  [
    `# ${name}`,
    '',
    '## Template de communication',
    '',
    '```',
    'INCIDENT - [Sévérité] - [Titre]',
    'Début : [heure]',
    'Prochaine mise à jour : [Prochaine MAJ]',
    '```',
    '',
    '## Post-mortem template',
    '',
    '```markdown',
    ...sections.map((section) => `## ${section}\n\nÀ écrire.\n`),
    '```',
    '',
  ].join('\n');

/** Imports the process page of that name (a file of its own) and answers its draft of `kind`. */
async function importDraft(
  t: TestApp,
  name: string,
  sections: readonly string[],
  kind: string,
): Promise<ImportedDraft> {
  const response = await t.call('POST', '/api/v1/runbook-sources', {
    token: t.users.responder.token,
    body: { filename: `${name}.md`, content: process(name, sections) },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ drafts: ImportedDraft[] }>().drafts.find((draft) => draft.kind === kind)!;
}

const adoptTemplate = async (t: TestApp, body: Record<string, unknown>) => {
  const response = await t.call('POST', '/api/v1/notification-templates/adopt', { body });
  return { status: response.statusCode, report: response.json<TemplateDraftAdoption>(), body: response.body };
};

describe.each(testBackends)('adopting message and post-mortem templates on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  it.skipIf(!available)(
    "previews a message template's blanks and their variables, adopts it once, and keeps it when adopted again",
    async () => {
      const draft = await importDraft(t, 'Processus A', ['Résumé', 'Causes'], 'communication-template');
      const choice = { draftId: draft.id, kind: 'triggered', locale: 'fr', channel: 'slack' };
      const preview = await adoptTemplate(t, { ...choice, dryRun: true });
      expect(preview.status, preview.body).toBe(200);
      expect(preview.report.blanks).toEqual([
        { blank: 'Sévérité', variable: 'severity', guessed: true, needsChoice: false },
        { blank: 'Titre', variable: 'title', guessed: true, needsChoice: false },
        { blank: 'heure', variable: 'time', guessed: true, needsChoice: false },
        { blank: 'Prochaine MAJ', variable: null, guessed: false, needsChoice: true },
      ]);
      expect(preview.report.template.markdown).toContain('INCIDENT - {{severity}} - {{title}}\nDébut : {{time}}');
      expect(preview.report.variables).toContain('incidentUrl');
      expect(preview.report.entries).toMatchObject([{ action: 'create', id: null, warnings: [expect.any(String)] }]);
      expect(await draftStatus(t, draft.id)).toBe('draft');
      expect((await adoptTemplate(t, choice)).status).toBe(400);

      const mapping = { 'Prochaine MAJ': null, heure: 'incidentUrl' };
      const adopted = await adoptTemplate(t, { ...choice, mapping });
      expect(adopted.status, adopted.body).toBe(201);
      expect(adopted.report.template.markdown).toContain(
        'Début : {{incidentUrl}}\nProchaine mise à jour : [Prochaine MAJ]',
      );
      expect(adopted.report.entries).toMatchObject([{ action: 'create', id: 'triggered/fr/slack' }]);
      expect(await draftStatus(t, draft.id)).toBe('adopted');
      const stored = await t.call('GET', '/api/v1/notification-templates/triggered/fr/slack');
      expect(stored.body).toContain('{{incidentUrl}}');

      const again = await adoptTemplate(t, { ...choice, mapping });
      expect(again.status, again.body).toBe(200);
      expect(again.report).toMatchObject({ nothingNew: true, entries: [{ action: 'keep', id: 'triggered/fr/slack' }] });
      expect((await auditRows(t, 'runbook_draft.adopt')).filter(([id]) => id === draft.id)).toHaveLength(1);
      expect(
        (await auditRows(t, 'notification_template.put')).filter(([id]) => id === 'triggered/fr/slack'),
      ).toHaveLength(1);

      // Other choices replace the template written before, and say so.
      const changed = await adoptTemplate(t, { ...choice, mapping: { 'Prochaine MAJ': null } });
      expect(changed.status, changed.body).toBe(201);
      expect(changed.report.entries).toMatchObject([
        { action: 'update', detail: 'replaces the template written before' },
      ]);
      expect((await adoptTemplate(t, { ...choice, kind: 'nope' })).status).toBe(400);
      expect((await adopt(t, '/api/v1/notification-templates/adopt', choice, t.users.responder.token)).status).toBe(
        403,
      );
    },
  );

  it.skipIf(!available)(
    'lists the sections a post-mortem template gives, adopts it in place of the one before, and writes nothing when adopted again',
    async () => {
      const first = await importDraft(t, 'Processus B', ['Résumé', 'Chronologie'], 'postmortem-template');
      const second = await importDraft(t, 'Processus C', ['Impact', 'Causes', 'Actions'], 'postmortem-template');
      const path = '/api/v1/postmortem-templates/adopt';
      expect((await adopt(t, path, { draftId: first.id })).status).toBe(201);
      const preview = await t.call('GET', `/api/v1/runbook-drafts/${second.id}/adoption`);
      expect(preview.json<{ preview: { entries: unknown[] } }>().preview.entries).toMatchObject([
        { action: 'update', target: first.title, id: first.id },
        { action: 'create', target: second.title, detail: '3 sections for new post-mortems: Impact, Causes, Actions' },
      ]);
      const adopted = await adopt(t, path, { draftId: second.id });
      expect(adopted.status, adopted.body).toBe(201);
      expect([await draftStatus(t, first.id), await draftStatus(t, second.id)]).toEqual(['draft', 'adopted']);
      const again = await adopt(t, path, { draftId: second.id });
      expect(again.status).toBe(200);
      expect(again.report).toMatchObject({ nothingNew: true, entries: [{ action: 'keep', id: second.id }] });
      expect((await auditRows(t, 'postmortem_template.adopt')).map(([id]) => id)).toEqual([first.id, second.id]);
      expect(
        (await auditRows(t, 'runbook_draft.adopt')).filter(([id]) => id === first.id || id === second.id),
      ).toHaveLength(2);
    },
  );
});
