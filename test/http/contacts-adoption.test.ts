import { describe, expect, it } from 'vitest';
import { adopt, auditRows, draftNamed, draftStatus, importForAdoption } from '../support/draft-adoption.js';
import { seedsAvailable } from '../support/seeds.js';
import { testBackends } from '../support/test-database.js';
import { useTestApp, type TestApp } from '../support/test-app.js';

type Person = { id: string; username: string; name: string; email: string; phone: string | null; role: string };

const person = async (t: TestApp, email: string): Promise<Person | undefined> =>
  (
    await t.db.query<Person>('SELECT id::text AS id, username, name, email, phone, role FROM users WHERE email = $1', [
      email,
    ])
  ).rows[0];

/** Contacts with a real number, a zero-filled one, and a person already known by name. */
const roster = [
  '# Astreinte',
  '',
  '## Contacts',
  '',
  '- **Marie Curie**: marie.curie@example.test, +33 6 12 34 56 78',
  '- **Paul Langevin**: paul@example.test, +33 6 00 00 00 00',
  '- **Irène Joliot**: irene@example.test',
  '',
].join('\n');

describe.each(testBackends)('adopting contacts as people to invite on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);
  const path = '/api/v1/users/adopt';

  it.skipIf(!available || !seedsAvailable)(
    "invites seed 003's people with an e-mail, skips channels, vendors and stand-in numbers, and invites nobody twice",
    async () => {
      const drafts = await importForAdoption(t, { seed: '003' });
      const urgent = draftNamed(drafts, 'contacts', "Contacts d'Urgence");
      // Someone already here under the name the document gives.
      await t.call('POST', '/api/v1/users', {
        body: { username: 'vp', name: 'VP Engineering', email: 'vp@elsewhere.test', role: 'responder' },
      });
      const preview = await adopt(t, path, { draftId: urgent.id, dryRun: true });
      expect(preview.status, preview.body).toBe(200);
      expect(preview.report.entries.map((entry) => [entry.action, entry.target, entry.warnings.length])).toEqual([
        ['skip', 'DevOps Lead', 1],
        ['skip', 'SRE On-Call', 1],
        ['create', 'Security Team', 0],
        ['create', 'CTO', 0],
        ['keep', 'VP Engineering', 0],
        ['skip', 'Cloud Provider', 0],
        ['skip', 'Database Provider', 0],
        ['skip', 'CDN Provider', 0],
      ]);
      expect(preview.report.entries[0]!.warnings).toEqual(['+33 X XX XX XX XX has digits still to write: not copied']);
      expect(await person(t, 'cto@company.com')).toBeUndefined();

      const adopted = await adopt(t, path, { draftId: urgent.id });
      expect(adopted.status, adopted.body).toBe(201);
      const cto = await person(t, 'cto@company.com');
      expect(cto).toMatchObject({ username: 'cto', name: 'CTO', role: 'viewer', phone: null });
      expect(await person(t, 'security@company.com')).toMatchObject({ username: 'security', role: 'viewer' });
      expect(adopted.report.entries[3]!.id).toBe(cto!.id);
      expect(await draftStatus(t, urgent.id)).toBe('adopted');
      // Nothing is sent to them: no delivery, no token.
      expect((await t.db.query('SELECT 1 FROM api_tokens WHERE user_id = $1::uuid', [cto!.id])).rows).toEqual([]);

      const again = await adopt(t, path, { draftId: urgent.id });
      expect([again.status, again.report.nothingNew]).toEqual([200, true]);
      expect(again.report.entries.filter((entry) => entry.action === 'keep').map((entry) => entry.target)).toEqual([
        'Security Team',
        'CTO',
        'VP Engineering',
      ]);
      expect((await auditRows(t, 'user.create')).filter(([, details]) => details['role'] === 'viewer')).toHaveLength(2);
      expect(await auditRows(t, 'runbook_draft.adopt')).toEqual([
        [urgent.id, { kind: 'contacts', created: [adopted.report.entries[2]!.id, cto!.id], updated: [] }],
      ]);

      // Only channels: nothing to adopt, and the draft stays to review.
      const channels = draftNamed(drafts, 'contacts', 'Canal de Communication');
      const none = await adopt(t, path, { draftId: channels.id });
      expect(none.report.entries.map((entry) => entry.action)).toEqual(['skip', 'skip', 'skip']);
      expect([none.status, await draftStatus(t, channels.id)]).toEqual([200, 'draft']);
      expect(await auditRows(t, 'runbook_draft.adopt')).toHaveLength(1);
    },
  );

  it.skipIf(!available)('copies a real number, leaves out a zero-filled one, and takes the role given', async () => {
    await t.call('POST', '/api/v1/users', {
      body: { username: 'irene', name: 'Irene Joliot', email: 'ijc@example.test', role: 'admin' },
    });
    const draft = draftNamed(await importForAdoption(t, { text: roster }), 'contacts', 'Contacts');
    const adopted = await adopt(t, path, { draftId: draft.id, role: 'responder' });
    expect(adopted.status, adopted.body).toBe(201);
    expect(adopted.report.entries.map((entry) => [entry.action, entry.target, entry.warnings])).toEqual([
      ['create', 'Marie Curie', []],
      ['create', 'Paul Langevin', ['+33 6 00 00 00 00 looks like an example number: not copied']],
      ['keep', 'Irène Joliot', []],
    ]);
    expect(await person(t, 'marie.curie@example.test')).toMatchObject({
      username: 'marie.curie',
      phone: '+33 6 12 34 56 78',
      role: 'responder',
    });
    expect(await person(t, 'paul@example.test')).toMatchObject({ username: 'paul', phone: null });
    expect((await adopt(t, path, { draftId: draft.id, role: 'owner' })).status).toBe(400);
  });
});
