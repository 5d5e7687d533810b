import { describe, expect, it } from 'vitest';
import { draftKindNames } from '../../src/runbooks/extract/drafts/draft-kinds.js';
import { draftAdoptionTable } from '../../src/runbooks/draft-adoptions.js';
import type { DraftAdoptionPreview } from '../../src/runbooks/preview-draft-adoption.js';
import { adopt, draftNamed, importForAdoption } from '../support/draft-adoption.js';
import { seedsAvailable } from '../support/seeds.js';
import { testBackends } from '../support/test-database.js';
import { useTestApp, type TestApp } from '../support/test-app.js';

const previewOf = async (t: TestApp, id: string, token?: string) => {
  const response = await t.call('GET', `/api/v1/runbook-drafts/${id}/adoption`, token === undefined ? {} : { token });
  return { status: response.statusCode, body: response.json<DraftAdoptionPreview>() };
};

describe.each(testBackends)('previewing adoptions on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  it.skipIf(!available)('names for every draft kind an adopting POST that the API serves', async () => {
    const { paths } = (await t.call('GET', '/api/v1/openapi.json', { token: null })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    for (const kind of draftKindNames) {
      expect(paths[draftAdoptionTable[kind].endpoint]?.['post'], kind).toBeDefined();
    }
  });

  it.skipIf(!available || !seedsAvailable)(
    "previews seed 003's drafts as their dry runs, writing nothing, and says when adopting needs more or is refused",
    async () => {
      const drafts = await importForAdoption(t, { seed: '003' });
      const checklist = draftNamed(drafts, 'checklist', 'Checklist de Résolution');
      const preview = await previewOf(t, checklist.id);
      expect(preview.status).toBe(200);
      const dryRun = await adopt(t, '/api/v1/checklist-templates/adopt', { draftId: checklist.id, dryRun: true });
      expect(preview.body).toEqual({
        draftId: checklist.id,
        kind: 'checklist',
        status: 'draft',
        endpoint: '/api/v1/checklist-templates/adopt',
        preview: dryRun.report,
        blocked: null,
      });
      const severities = draftNamed(drafts, 'severity-classes', 'Classification des Incidents');
      expect((await previewOf(t, severities.id)).body.preview?.entries.map((entry) => entry.id)).toEqual([
        'P1',
        'P2',
        'P3',
      ]);
      const template = draftNamed(drafts, 'communication-template', 'Template de Communication');
      expect((await previewOf(t, template.id)).body).toMatchObject({
        endpoint: '/api/v1/notification-templates/adopt',
        preview: null,
        blocked: null,
      });
      expect((await t.call('GET', '/api/v1/checklist-templates/checklist-de-resolution')).statusCode).toBe(404);
      expect((await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'runbook_draft.adopt'`)).rows).toEqual([]);

      await t.call('POST', '/api/v1/checklist-templates', {
        body: { id: 'checklist-de-resolution', name: 'Ours', items: [{ text: 'Something else' }] },
      });
      expect((await previewOf(t, checklist.id)).body).toMatchObject({
        preview: null,
        blocked: 'checklist template checklist-de-resolution already exists with other items: give another id',
      });
      expect((await previewOf(t, checklist.id, t.users.viewer.token)).status).toBe(403);
      expect((await previewOf(t, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await previewOf(t, 'nope')).status).toBe(404);
    },
  );
});
