import { describe, expect, it } from 'vitest';
import { deleteRunbook } from '../../src/runbooks/delete-runbook.js';
import { diffRunbookVersions } from '../../src/runbooks/diff-runbook-versions.js';
import { getRunbook } from '../../src/runbooks/get-runbook.js';
import { getRunbookSource } from '../../src/runbooks/get-runbook-source.js';
import { importRunbookSource } from '../../src/runbooks/import-runbook-source.js';
import { listRunbooks } from '../../src/runbooks/list-runbooks.js';
import { listRunbookVersions } from '../../src/runbooks/list-runbook-versions.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';
import { counts, ctxAs, preparedFile, storeAs } from './import-support.js';
import { cleanRunbook, draft, runbook, section, step } from './runbook-fixtures.js';

describe.each(testBackends)('runbook import and versions on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  it.skipIf(!available)('stores the source, its runbooks and drafts, with one audit row', async () => {
    const before = await counts(t);
    const file = preparedFile(
      'redis.md',
      [cleanRunbook('Redis memory full'), runbook('Redis failover', [])],
      [draft('contacts', 'Contacts DBA', { phone: '+41 21 XXX XX XX' })],
    );
    const report = await storeAs(t, 'responder', file);
    expect(report).toMatchObject({
      filename: 'redis.md',
      sha256: file.sha256,
      runbooks: [
        {
          id: 'redis-memory-full',
          title: 'Redis memory full',
          kind: 'incident',
          version: 1,
          status: 'created',
          steps: 3,
          sections: 3,
          lines: { start: 1, end: 40 },
        },
        { id: 'redis-failover', version: 1, status: 'created', steps: 0, sections: 0 },
      ],
      drafts: [{ kind: 'contacts', title: 'Contacts DBA', status: 'created', lines: { start: 50, end: 55 } }],
      leftovers: [],
    });
    expect(report.lint.map((finding) => [finding.rule, finding.runbookId])).toEqual([
      ['placeholder-contact', undefined],
    ]);
    const after = await counts(t);
    expect(after).toEqual({
      ...before,
      runbook_sources: before.runbook_sources! + 1,
      runbooks: before.runbooks! + 2,
      runbook_versions: before.runbook_versions! + 2,
      runbook_drafts: before.runbook_drafts! + 1,
      audit_log: before.audit_log! + 1,
    });
    const { rows } = await t.db.query<{
      action: string;
      target_id: string;
      actor_name: string;
      details: { created: string[] };
    }>(`SELECT * FROM audit_log WHERE target_type = 'runbook_source' ORDER BY id DESC LIMIT 1`);
    expect(rows[0]).toMatchObject({
      action: 'runbook.import',
      target_id: report.sourceId,
      actor_name: 'Test responder',
      details: { created: ['redis-memory-full', 'redis-failover'] },
    });
  });

  it.skipIf(!available)('creates nothing new when the same content is imported again', async () => {
    const file = () =>
      preparedFile(
        'queue.md',
        [cleanRunbook('Queue backlog')],
        [draft('escalation-policy', 'Escalade', { levels: ['N1', 'N2'] })],
      );
    const first = await storeAs(t, 'responder', file());
    const before = await counts(t);
    const again = await storeAs(t, 'admin', file());
    expect(again.sourceId).toBe(first.sourceId);
    expect(again.runbooks).toEqual([{ ...first.runbooks[0], status: 'unchanged' }]);
    expect(again.drafts).toEqual([{ ...first.drafts[0], status: 'existing' }]);
    // Only the audit row of the attempt is new: no source, runbook, version or draft.
    expect(await counts(t)).toEqual({ ...before, audit_log: before.audit_log! + 1 });
  });

  it.skipIf(!available)('keeps a runbook unchanged when only its position in the file moved', async () => {
    await storeAs(t, 'responder', preparedFile('moved.md', [cleanRunbook('Moving runbook')]));
    const moved = { ...cleanRunbook('Moving runbook'), lines: { start: 30, end: 70 } };
    const report = await storeAs(t, 'responder', preparedFile('moved.md', [runbook('Another one', []), moved]));
    expect(report.runbooks.map((r) => [r.id, r.status, r.version])).toEqual([
      ['another-one', 'created', 1],
      ['moving-runbook', 'unchanged', 1],
    ]);
  });

  it.skipIf(!available)('adds version 2 when the content changed, and the diff shows the change', async () => {
    await storeAs(t, 'responder', preparedFile('disk.md', [cleanRunbook('Disk full')]));
    const changed = cleanRunbook('Disk full');
    changed.sections[1]!.steps[0]!.body = 'systemctl restart redis-server';
    changed.sections.push(
      section('escalation', 'Escalation', [step('s4', { kind: 'manual', language: null, body: 'Call the DBA' })]),
    );
    const report = await storeAs(t, 'responder', preparedFile('disk.md', [changed]));
    expect(report.runbooks[0]).toMatchObject({ id: 'disk-full', status: 'updated', version: 2 });

    const ctx = ctxAs(t, 'viewer');
    const versions = await listRunbookVersions({ ctx, input: { id: 'disk-full' } });
    expect(versions.map((v) => [v.version, v.filename, v.createdBy])).toEqual([
      [2, 'disk.md', 'Test responder'],
      [1, 'disk.md', 'Test responder'],
    ]);
    expect(
      (await getRunbook({ ctx, input: { id: 'disk-full', version: 1 } })).structure.sections[1]!.steps[0]!.body,
    ).toBe('systemctl restart redis');
    const diff = await diffRunbookVersions({ ctx, input: { id: 'disk-full', from: 1, to: 2 } });
    expect(diff.patch).toContain('-systemctl restart redis\n+systemctl restart redis-server');
    expect(diff.patch).toContain('+## Escalation');
    expect(diff).toMatchObject({
      from: 1,
      to: 2,
      title: null,
      sections: { added: ['Escalation'], removed: [] },
      steps: {
        added: [{ id: 's4', title: null }],
        removed: [],
        changed: [{ id: 's2', title: 'Restart Redis', fields: ['body'] }],
      },
    });
  });

  it.skipIf(!available)('gives two runbooks of one import with the same title distinct ids', async () => {
    const report = await storeAs(
      t,
      'responder',
      preparedFile('ci.md', [runbook('CI build failures', []), runbook('CI Build Failures', [])]),
    );
    expect(report.runbooks.map((r) => r.id)).toEqual(['ci-build-failures', 'ci-build-failures-2']);
  });

  it.skipIf(!available)(
    'hides a deleted runbook, keeps it deleted on an identical import and restores it with new content',
    async () => {
      await storeAs(t, 'responder', preparedFile('dns.md', [cleanRunbook('DNS outage')]));
      await expect(deleteRunbook({ ctx: ctxAs(t, 'responder'), input: { id: 'dns-outage' } })).rejects.toMatchObject({
        code: 'forbidden',
      });
      const deleted = await deleteRunbook({ ctx: ctxAs(t, 'admin'), input: { id: 'dns-outage' } });
      expect(deleted).toMatchObject({ id: 'dns-outage', deletedBy: 'Test admin', deletedAt: expect.any(String) });
      const auditBefore = (await counts(t)).audit_log;
      await deleteRunbook({ ctx: ctxAs(t, 'admin'), input: { id: 'dns-outage' } });
      expect((await counts(t)).audit_log).toBe(auditBefore);

      const viewer = ctxAs(t, 'viewer');
      const ids = async (includeDeleted: boolean) =>
        (await listRunbooks({ ctx: viewer, input: { q: 'DNS', includeDeleted } })).items.map((r) => r.id);
      expect(await ids(false)).toEqual([]);
      expect(await ids(true)).toEqual(['dns-outage']);

      const same = await storeAs(t, 'responder', preparedFile('dns.md', [cleanRunbook('DNS outage')]));
      expect(same.runbooks[0]).toMatchObject({ status: 'unchanged', version: 1 });
      expect(await ids(false)).toEqual([]);

      const changed = cleanRunbook('DNS outage');
      changed.metadata.impact = 'nobody can log in';
      const restored = await storeAs(t, 'responder', preparedFile('dns.md', [changed]));
      expect(restored.runbooks[0]).toMatchObject({ status: 'restored', version: 2 });
      expect(await ids(false)).toEqual(['dns-outage']);
      expect(await getRunbook({ ctx: viewer, input: { id: 'dns-outage' } })).toMatchObject({
        deletedAt: null,
        deletedBy: null,
        currentVersion: 2,
      });
    },
  );

  it.skipIf(!available)('keeps the raw bytes of a source and the report of its first import', async () => {
    const file = preparedFile('bytes.md', [cleanRunbook('Raw bytes kept')], [], 'caf\u00e9 \u{1F525}\n');
    const report = await storeAs(t, 'responder', file);
    const { rows } = await t.db.query<{ content: Uint8Array }>('SELECT content FROM runbook_sources WHERE id = $1', [
      report.sourceId,
    ]);
    expect(Buffer.from(rows[0]!.content).equals(Buffer.from(file.content))).toBe(true);
    const source = await getRunbookSource({ ctx: ctxAs(t, 'viewer'), input: { id: report.sourceId } });
    expect(source).toMatchObject({ ...report, importedBy: 'Test responder', bytes: file.content.length });
    await expect(getRunbookSource({ ctx: ctxAs(t, 'viewer'), input: { id: 'nope' } })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it.skipIf(!available)('refuses an import by a viewer before reading the file', async () => {
    const input = { filename: 'x.md', content: Buffer.from('# X\n') };
    await expect(importRunbookSource({ ctx: ctxAs(t, 'viewer'), input })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it.skipIf(!available)('refuses an empty file and a file that is not text', async () => {
    const ctx = ctxAs(t, 'responder');
    await expect(
      importRunbookSource({ ctx, input: { filename: 'empty.md', content: new Uint8Array() } }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    await expect(importRunbookSource({ ctx, input: { filename: 'shot.png', content: png } })).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });

  it.skipIf(!available)('imports a Markdown file end to end, and a second time creates nothing', async () => {
    const markdown = [
      '# Certificate expired',
      '',
      '**Severity**: P2',
      '',
      '## Diagnosis',
      '',
      '```bash',
      'openssl s_client -connect api.example.test:443 </dev/null',
      '```',
      '',
      '## Resolution',
      '',
      '```bash',
      'certbot renew',
      '```',
      '',
      '## Verification',
      '',
      '```bash',
      'curl -sI https://api.example.test',
      '```',
      '',
    ].join('\n');
    const ctx = ctxAs(t, 'responder');
    const first = await importRunbookSource({ ctx, input: { filename: 'cert.md', content: Buffer.from(markdown) } });
    expect(first.decode).toMatchObject({ encoding: 'utf-8', lineEndings: 'lf' });
    expect(first.runbooks).toEqual([
      expect.objectContaining({
        id: 'certificate-expired',
        title: 'Certificate expired',
        status: 'created',
        version: 1,
      }),
    ]);
    const before = await counts(t);
    const second = await importRunbookSource({ ctx, input: { filename: 'cert.md', content: Buffer.from(markdown) } });
    expect(second.runbooks.map((r) => r.status)).toEqual(['unchanged']);
    expect(await counts(t)).toEqual({ ...before, audit_log: before.audit_log! + 1 });
  });
});
