import { describe, expect, it } from 'vitest';
import { adopt, auditRows, draftNamed, draftStatus, importForAdoption } from '../support/draft-adoption.js';
import { seedsAvailable } from '../support/seeds.js';
import { testBackends } from '../support/test-database.js';
import { useTestApp, type TestApp } from '../support/test-app.js';

type Policy = { severity: string; name: string; description: string; resolutionTargetMinutes: number | null };

const policies = async (t: TestApp): Promise<Policy[]> =>
  (await t.call('GET', '/api/v1/severity-policies')).json<Policy[]>();

describe.each(testBackends)('adopting severity classes and checklists on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);
  const run = available && seedsAvailable;

  it.skipIf(!run)(
    "previews, then sets seed 003's P1/P2/P3 names and 1 h/4 h/24 h targets, and changes nothing when adopted again",
    async () => {
      const draft = draftNamed(
        await importForAdoption(t, { seed: '003' }),
        'severity-classes',
        'Classification des Incidents',
      );
      // Targets that differ from the document's, so that adopting has them to set.
      await t.call('PATCH', '/api/v1/severity-policies/P1', { body: { resolutionTargetMinutes: 30 } });
      await t.call('PATCH', '/api/v1/severity-policies/P3', { body: { resolutionTargetMinutes: null } });
      const before = await policies(t);
      const path = '/api/v1/severity-policies/adopt';
      expect((await adopt(t, path, { draftId: draft.id }, t.users.responder.token)).status).toBe(403);

      const preview = await adopt(t, path, { draftId: draft.id, dryRun: true });
      expect(preview.status, preview.body).toBe(200);
      expect(preview.report).toMatchObject({ dryRun: true, nothingNew: false, kind: 'severity-classes' });
      expect(preview.report.entries.map((entry) => [entry.action, entry.target, entry.id])).toEqual([
        ['update', 'P1 Critique', 'P1'],
        ['update', 'P2 Majeur', 'P2'],
        ['update', 'P3 Mineur', 'P3'],
      ]);
      expect(preview.report.entries[0]!.detail).toContain('resolution target 60 min');
      expect(await policies(t)).toEqual(before);
      expect(await draftStatus(t, draft.id)).toBe('draft');
      expect(await auditRows(t, 'runbook_draft.adopt')).toEqual([]);

      const adopted = await adopt(t, path, { draftId: draft.id });
      expect(adopted.status, adopted.body).toBe(201);
      expect(adopted.report.entries).toEqual(preview.report.entries);
      const after = await policies(t);
      expect(after.map((policy) => [policy.severity, policy.name, policy.resolutionTargetMinutes])).toEqual([
        ['P1', 'Critique', 60],
        ['P2', 'Majeur', 240],
        ['P3', 'Mineur', 1440],
        ['P4', before[3]!.name, before[3]!.resolutionTargetMinutes],
      ]);
      expect(after[0]!.description).not.toBe(before[0]!.description);
      expect(await draftStatus(t, draft.id)).toBe('adopted');
      expect(await auditRows(t, 'runbook_draft.adopt')).toEqual([
        [draft.id, { kind: 'severity-classes', created: [], updated: ['P1', 'P2', 'P3'] }],
      ]);
      expect((await auditRows(t, 'severity_policy.update')).map(([target]) => target).slice(-3)).toEqual([
        'P1',
        'P2',
        'P3',
      ]);

      const again = await adopt(t, path, { draftId: draft.id });
      expect(again.status).toBe(200);
      expect(again.report.nothingNew).toBe(true);
      expect(again.report.entries.map((entry) => entry.action)).toEqual(['keep', 'keep', 'keep']);
      expect(await policies(t)).toEqual(after);
      expect(await auditRows(t, 'runbook_draft.adopt')).toHaveLength(1);
    },
  );

  it.skipIf(!run)(
    "makes seed 003's six-item resolution checklist a template once, and refuses a template id holding other items",
    async () => {
      const drafts = await importForAdoption(t, { seed: '003' });
      const draft = draftNamed(drafts, 'checklist', 'Checklist de Résolution');
      const path = '/api/v1/checklist-templates/adopt';
      const preview = await adopt(t, path, { draftId: draft.id, dryRun: true });
      expect(preview.report.entries).toEqual([
        {
          action: 'create',
          target: 'Checklist de Résolution',
          id: 'checklist-de-resolution',
          detail: 'checklist template of 6 items',
          warnings: [],
        },
      ]);
      expect((await t.call('GET', '/api/v1/checklist-templates/checklist-de-resolution')).statusCode).toBe(404);

      const adopted = await adopt(t, path, { draftId: draft.id });
      expect(adopted.status, adopted.body).toBe(201);
      const template = (await t.call('GET', '/api/v1/checklist-templates/checklist-de-resolution')).json<{
        name: string;
        items: { text: string }[];
      }>();
      expect(template.name).toBe('Checklist de Résolution');
      expect(template.items.map((item) => item.text)).toEqual([
        'Problème identifié et corrigé',
        'Services fonctionnels vérifiés',
        'Performance normale restaurée',
        'Tests de régression passés',
        'Monitoring vert sur 15 minutes',
        'Communication de résolution envoyée',
      ]);
      const again = await adopt(t, path, { draftId: draft.id });
      expect([again.status, again.report.nothingNew, again.report.entries[0]!.action]).toEqual([200, true, 'keep']);
      expect(await auditRows(t, 'checklist_template.create')).toHaveLength(1);
      expect((await auditRows(t, 'runbook_draft.adopt')).filter(([target]) => target === draft.id)).toEqual([
        [draft.id, { kind: 'checklist', created: ['checklist-de-resolution'], updated: [] }],
      ]);

      const other = draftNamed(await importForAdoption(t, { seed: '004' }), 'checklist', "Checklist d'Incident");
      const clash = await adopt(t, path, { draftId: other.id, id: 'checklist-de-resolution' });
      expect(clash.status).toBe(409);
      expect(await draftStatus(t, other.id)).toBe('draft');
    },
  );

  it.skipIf(!available)(
    'answers 404 for an unknown draft or one of another kind, and 409 for a dismissed one',
    async () => {
      const drafts = await importForAdoption(t, {
        text: '# Release\n\n## Checklist\n\n- [ ] Tests pass\n- [ ] Notes written\n',
      });
      const checklist = draftNamed(drafts, 'checklist', 'Checklist');
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect((await adopt(t, '/api/v1/severity-policies/adopt', { draftId: checklist.id })).status).toBe(404);
      expect((await adopt(t, '/api/v1/users/adopt', { draftId: checklist.id })).status).toBe(404);
      expect((await adopt(t, '/api/v1/checklist-templates/adopt', { draftId: unknown })).status).toBe(404);
      expect((await adopt(t, '/api/v1/checklist-templates/adopt', { draftId: 'nope' })).status).toBe(400);
      await t.db.query(`UPDATE runbook_drafts SET status = 'dismissed' WHERE id = $1`, [checklist.id]);
      expect((await adopt(t, '/api/v1/checklist-templates/adopt', { draftId: checklist.id })).status).toBe(409);
    },
  );
});
