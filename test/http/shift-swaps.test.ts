import { describe, expect, it } from 'vitest';
import { systemActor } from '../../src/core/actor.js';
import { importRunbookSources } from '../../src/runbooks/import-runbook-sources.js';
import { eventually } from '../support/eventually.js';
import { seedBytes, seedFiles, seedsAvailable } from '../support/seeds.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

describe.each(testBackends)(
  'shift swaps, re-assigned escalations and adopted drafts on $backend',
  ({ backend, available }) => {
    const t = useTestApp(backend, available, { loops: ['timers'] });
    const tomorrow = (hour: number) => {
      const day = new Date(Date.now() + 86_400_000);
      return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour)).toISOString();
    };

    it.skipIf(!available)(
      'lets the person on call ask for cover, and puts whoever takes it on call with both names',
      async () => {
        const { responder, admin } = t.users;
        expect(
          (
            await t.call('PUT', '/api/v1/schedules/nights', {
              body: {
                name: 'Nights',
                definition: {
                  timeZone: 'UTC',
                  layers: [
                    {
                      id: 'all',
                      name: 'All',
                      rotation: { kind: 'daily', handoffTime: '00:00' },
                      startsAt: '2026-01-01T00:00:00Z',
                      participants: [responder.id],
                    },
                  ],
                  overrides: [],
                },
              },
            })
          ).statusCode,
        ).toBe(201);
        const asked = await t.call('POST', '/api/v1/schedules/nights/swaps', {
          token: responder.token,
          body: { startsAt: tomorrow(2), endsAt: tomorrow(6), reason: 'dentist' },
        });
        expect(asked.statusCode, asked.body).toBe(201);
        expect(asked.json()).toMatchObject({ status: 'open', requestedBy: responder.id });
        expect(
          (await t.call('GET', '/api/v1/schedules/nights/swaps', { token: t.users.viewer.token })).json()[0].id,
        ).toBe(asked.json().id);
        // Asking for cover of a window where one is not on call is refused.
        expect(
          (
            await t.call('POST', '/api/v1/schedules/nights/swaps', {
              token: admin.token,
              body: { startsAt: tomorrow(2), endsAt: tomorrow(6) },
            })
          ).statusCode,
        ).toBe(400);
        expect(
          (await t.call('POST', `/api/v1/schedules/nights/swaps/${asked.json().id}/take`, { token: responder.token }))
            .statusCode,
        ).toBe(409);

        const taken = await t.call('POST', `/api/v1/schedules/nights/swaps/${asked.json().id}/take`, {
          token: admin.token,
        });
        expect(taken.statusCode, taken.body).toBe(200);
        expect(taken.json()).toMatchObject({
          status: 'taken',
          takenBy: admin.id,
          overrideId: `swap-${asked.json().id}`,
        });
        const onCall = (
          await t.call('GET', `/api/v1/schedules/nights/on-call?at=${encodeURIComponent(tomorrow(3))}`)
        ).json();
        expect(onCall.onCall).toMatchObject({ userId: admin.id, overrideId: `swap-${asked.json().id}` });
        expect(
          (await t.call('GET', `/api/v1/schedules/nights/on-call?at=${encodeURIComponent(tomorrow(7))}`)).json().onCall
            .userId,
        ).toBe(responder.id);
        const override = (await t.call('GET', '/api/v1/schedules/nights')).json().definition.overrides[0];
        expect(override).toMatchObject({
          userId: admin.id,
          reason: 'dentist',
          swap: { requestedBy: responder.id, takenBy: admin.id },
        });
        expect(
          (
            await t.call('POST', `/api/v1/schedules/nights/swaps/${asked.json().id}/take`, {
              token: t.users.responder.token,
            })
          ).statusCode,
        ).toBe(409);
      },
    );

    it.skipIf(!available)(
      "restarts an incident's escalation at level 1 when it is re-assigned to a policy",
      async () => {
        await t.call('PUT', '/api/v1/escalation-policies/backup', {
          body: { name: 'Backup', levels: [{ delayMinutes: 0, targets: [{ type: 'user', id: t.users.admin.id }] }] },
        });
        const incident = (await t.call('POST', '/api/v1/incidents', { body: { title: 'No policy yet' } })).json();
        const paged = async () =>
          (
            await t.db.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM incident_events WHERE incident_id = $1 AND type = 'escalation_level_paged'`,
              [incident.id],
            )
          ).rows[0]!.n;
        const first = await t.call('POST', `/api/v1/incidents/${incident.id}/escalation`, {
          token: t.users.responder.token,
          body: { policyId: 'backup', reason: 'the usual team is away' },
        });
        expect(first.statusCode, first.body).toBe(200);
        expect(first.json()).toMatchObject({ policyId: 'backup', generation: 1 });
        await eventually('level 1', async () => ((await paged()) === 1 ? true : null));
        const again = await t.call('POST', `/api/v1/incidents/${incident.id}/escalation`, {
          token: t.users.responder.token,
          body: { policyId: 'backup' },
        });
        expect(again.json().generation).toBe(2);
        await eventually('level 1 again', async () => ((await paged()) === 2 ? true : null));
        const unknown = await t.call('POST', `/api/v1/incidents/${incident.id}/escalation`, {
          body: { policyId: 'nope' },
        });
        expect(unknown.statusCode).toBe(400);
        expect(unknown.json().details.issues[0].path).toBe('/policyId');
      },
    );

    it.skipIf(!available || !seedsAvailable)(
      'adopts the escalation matrix of an imported runbook as a policy, asking for the levels it cannot name',
      async () => {
        const ctx = { actor: systemActor, requestId: 'test', db: t.db, now: () => new Date() };
        await importRunbookSources({
          ctx,
          input: { files: seedFiles().map((file) => ({ filename: file, content: seedBytes(file.slice(0, 3)) })) },
        });
        const { rows } = await t.db.query<{
          id: string;
          data: { levels: { target: string; delayMinutes: number | null }[] };
        }>(
          `SELECT id, data FROM runbook_drafts WHERE kind = 'escalation-policy' AND jsonb_array_length(data->'levels') = 3 ORDER BY created_at LIMIT 1`,
        );
        const draft = rows[0]!;
        const bare = await t.call('POST', '/api/v1/escalation-policies/from-runbook/adopt', {
          body: { draftId: draft.id },
        });
        expect(bare.statusCode, bare.body).toBe(400);
        expect(bare.json().details.issues.map((issue: { path: string }) => issue.path)).toEqual([
          '/targets/0',
          '/targets/1',
          '/targets/2',
        ]);
        const user = (id: string) => [{ type: 'user', id }];
        const adopted = await t.call('POST', '/api/v1/escalation-policies/from-runbook/adopt', {
          body: {
            draftId: draft.id,
            targets: { 0: user(t.users.responder.id), 1: user(t.users.admin.id), 2: user(t.users.admin.id) },
          },
        });
        expect(adopted.statusCode, adopted.body).toBe(201);
        const starts = draft.data.levels.map((level) => level.delayMinutes ?? 0);
        expect(adopted.json().levels.map((level: { delayMinutes: number }) => level.delayMinutes)).toEqual([
          starts[0],
          starts[1]! - starts[0]!,
          starts[2]! - starts[1]!,
        ]);
        expect(
          (await t.db.query<{ status: string }>('SELECT status FROM runbook_drafts WHERE id = $1', [draft.id])).rows[0]!
            .status,
        ).toBe('adopted');

        // Adopting again as it stands writes nothing; other targets change the policy.
        const audits = async () =>
          (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`)).rows[0]!.n;
        const before = await audits();
        const targets = { 0: user(t.users.responder.id), 1: user(t.users.admin.id), 2: user(t.users.admin.id) };
        const again = await t.call('POST', '/api/v1/escalation-policies/from-runbook/adopt', {
          body: { draftId: draft.id, targets },
        });
        expect(again.statusCode, again.body).toBe(200);
        expect(again.json()).toEqual(adopted.json());
        expect(await audits()).toBe(before);
        const changed = await t.call('POST', '/api/v1/escalation-policies/from-runbook/adopt', {
          body: { draftId: draft.id, targets: { ...targets, 2: user(t.users.responder.id) } },
        });
        expect(changed.statusCode, changed.body).toBe(201);
        expect(changed.json().levels[2].targets).toEqual(user(t.users.responder.id));
        expect(await audits()).toBe(before + 2);
      },
    );

    it.skipIf(!available || !seedsAvailable)(
      'adopts a communication template of an imported runbook as a message template, its blanks made variables',
      async () => {
        const { rows } = await t.db.query<{ id: string }>(
          `SELECT id FROM runbook_drafts WHERE kind = 'communication-template' AND data->'placeholders' ? 'Titre' LIMIT 1`,
        );
        if (rows[0] === undefined) {
          const ctx = { actor: systemActor, requestId: 'test', db: t.db, now: () => new Date() };
          await importRunbookSources({
            ctx,
            input: { files: seedFiles().map((file) => ({ filename: file, content: seedBytes(file.slice(0, 3)) })) },
          });
        }
        const draftId = (
          await t.db.query<{ id: string }>(
            `SELECT id FROM runbook_drafts WHERE kind = 'communication-template' AND data->'placeholders' ? 'Titre' LIMIT 1`,
          )
        ).rows[0]!.id;
        const body = { draftId, kind: 'triggered', locale: 'fr', channel: 'slack' };
        const unmapped = await t.call('POST', '/api/v1/notification-templates/adopt', { body });
        expect(unmapped.statusCode).toBe(400);
        expect(unmapped.json().details.issues.map((issue: { path: string }) => issue.path)).toEqual([
          '/mapping/Actions en cours',
          '/mapping/Estimation de résolution',
        ]);
        const adopted = await t.call('POST', '/api/v1/notification-templates/adopt', {
          body: { ...body, mapping: { 'Actions en cours': null, 'Estimation de résolution': null } },
        });
        expect(adopted.statusCode, adopted.body).toBe(201);
        const markdown = adopted.json().template.markdown as string;
        expect(markdown).toContain('INCIDENT - {{severity}} - {{title}}');
        expect(markdown).toContain('{{time}}');
        expect(markdown).toContain('[Actions en cours]');
        expect(
          (await t.db.query<{ status: string }>('SELECT status FROM runbook_drafts WHERE id = $1', [draftId])).rows[0]!
            .status,
        ).toBe('adopted');
      },
    );
  },
);
