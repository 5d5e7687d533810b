import { describe, expect, it } from 'vitest';
import { deleteRunbook } from '../../src/runbooks/delete-runbook.js';
import { getRunbook } from '../../src/runbooks/get-runbook.js';
import { listRunbookVersions } from '../../src/runbooks/list-runbook-versions.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';
import { counts, ctxAs, preparedFile, storeAllAs, storeAs } from './import-support.js';
import { cleanRunbook, draft, runbook } from './runbook-fixtures.js';

/** A version of `cleanRunbook(title)` whose content differs by its impact line. */
function changedRunbook(title: string, impact: string): ReturnType<typeof cleanRunbook> {
  const changed = cleanRunbook(title);
  changed.metadata.impact = impact;
  return changed;
}

describe.each(testBackends)('several files stored in one import on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  it.skipIf(!available)('stores a runbook found in two files as if the files came one after the other', async () => {
    const before = await counts(t);
    const [first, second] = await storeAllAs(t, 'responder', [
      preparedFile('a.md', [cleanRunbook('Shared outage'), runbook('Only in a', [])]),
      preparedFile('b.md', [changedRunbook('Shared outage', 'checkout down')]),
    ]);
    expect(first!.runbooks.map((r) => [r.id, r.status, r.version])).toEqual([
      ['shared-outage', 'created', 1],
      ['only-in-a', 'created', 1],
    ]);
    expect(second!.runbooks.map((r) => [r.id, r.status, r.version])).toEqual([['shared-outage', 'updated', 2]]);
    const ctx = ctxAs(t, 'viewer');
    expect((await getRunbook({ ctx, input: { id: 'shared-outage' } })).currentVersion).toBe(2);
    expect(
      (await listRunbookVersions({ ctx, input: { id: 'shared-outage' } })).map((v) => [v.version, v.filename]),
    ).toEqual([
      [2, 'b.md'],
      [1, 'a.md'],
    ]);
    expect(await counts(t)).toEqual({
      ...before,
      runbook_sources: before.runbook_sources! + 2,
      runbooks: before.runbooks! + 2,
      runbook_versions: before.runbook_versions! + 3,
      audit_log: before.audit_log! + 2,
    });
    // One audit row per file, in file order.
    const { rows } = await t.db.query<{
      target_id: string;
      details: { filename: string; created: string[]; updated: string[] };
    }>(`SELECT target_id, details FROM audit_log WHERE action = 'runbook.import' ORDER BY id DESC LIMIT 2`);
    expect(
      rows.reverse().map((row) => [row.target_id, row.details.filename, row.details.created, row.details.updated]),
    ).toEqual([
      [first!.sourceId, 'a.md', ['shared-outage', 'only-in-a'], []],
      [second!.sourceId, 'b.md', [], ['shared-outage']],
    ]);
  });

  it.skipIf(!available)(
    'reports a runbook unchanged when a later file of the import holds the same content',
    async () => {
      const reports = await storeAllAs(t, 'responder', [
        preparedFile('c.md', [cleanRunbook('Same twice')]),
        preparedFile('d.md', [cleanRunbook('Same twice'), runbook('Other', [])]),
      ]);
      expect(reports.map((report) => report.runbooks.map((r) => [r.id, r.status, r.version]))).toEqual([
        [['same-twice', 'created', 1]],
        [
          ['same-twice', 'unchanged', 1],
          ['other', 'created', 1],
        ],
      ]);
    },
  );

  it.skipIf(!available)('creates a draft found in two files once, from the first', async () => {
    const before = await counts(t);
    const shared = draft('contacts', 'Astreinte DBA', { phone: '+33 1 00 00 00 00' });
    const [first, second] = await storeAllAs(t, 'responder', [
      preparedFile('e.md', [runbook('Draft holder e', [])], [shared]),
      preparedFile(
        'f.md',
        [runbook('Draft holder f', [])],
        [shared, draft('contacts', 'Astreinte réseau', { phone: '+33 1 11 11 11 11' })],
      ),
    ]);
    expect(first!.drafts.map((d) => d.status)).toEqual(['created']);
    expect(second!.drafts.map((d) => [d.id, d.status])).toEqual([
      [first!.drafts[0]!.id, 'existing'],
      [expect.any(String), 'created'],
    ]);
    expect((await counts(t)).runbook_drafts).toBe(before.runbook_drafts! + 2);
    const { rows } = await t.db.query<{ source_id: string }>('SELECT source_id FROM runbook_drafts WHERE id = $1', [
      first!.drafts[0]!.id,
    ]);
    expect(rows[0]!.source_id).toBe(first!.sourceId);
  });

  it.skipIf(!available)('stores the same bytes sent twice in one import as one source', async () => {
    const file = () => preparedFile('twice.md', [cleanRunbook('Bytes twice')]);
    const before = await counts(t);
    const [first, second] = await storeAllAs(t, 'responder', [file(), file()]);
    expect(second!.sourceId).toBe(first!.sourceId);
    expect(second!.runbooks.map((r) => r.status)).toEqual(['unchanged']);
    expect(await counts(t)).toEqual({
      ...before,
      runbook_sources: before.runbook_sources! + 1,
      runbooks: before.runbooks! + 1,
      runbook_versions: before.runbook_versions! + 1,
      audit_log: before.audit_log! + 2,
    });
    const { rows } = await t.db.query<{ new_source: boolean }>(
      `SELECT (details->>'newSource')::boolean AS new_source FROM audit_log WHERE target_id = $1 ORDER BY id`,
      [first!.sourceId],
    );
    expect(rows.map((row) => row.new_source)).toEqual([true, false]);
  });

  it.skipIf(!available)('restores a deleted runbook from the first file and updates it from the second', async () => {
    await storeAs(t, 'responder', preparedFile('gone.md', [cleanRunbook('Gone runbook')]));
    await deleteRunbook({ ctx: ctxAs(t, 'admin'), input: { id: 'gone-runbook' } });
    const reports = await storeAllAs(t, 'responder', [
      preparedFile('back.md', [changedRunbook('Gone runbook', 'back')]),
      preparedFile('again.md', [changedRunbook('Gone runbook', 'back again')]),
    ]);
    expect(reports.map((report) => report.runbooks.map((r) => [r.status, r.version]))).toEqual([
      [['restored', 2]],
      [['updated', 3]],
    ]);
    expect(await getRunbook({ ctx: ctxAs(t, 'viewer'), input: { id: 'gone-runbook' } })).toMatchObject({
      currentVersion: 3,
      deletedAt: null,
    });
  });
});
