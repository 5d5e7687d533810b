import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';
import { weeklySchedule } from '../support/weekly-schedule.js';
import { timelineTypes } from '../support/alert-support.js';
import { eventually } from '../support/eventually.js';

describe.each(testBackends)('escalation of an incident on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, { loops: ['timers'] });

  it.skipIf(!available)(
    'pages level 1 (whoever the schedule has on call) at once, level 2 after its delay, then says every level was paged',
    async () => {
      const { responder, admin } = t.users;
      const schedule = await t.call('PUT', '/api/v1/schedules/dispatch-primary', {
        body: weeklySchedule('Dispatch primary', [responder.id]),
      });
      expect(schedule.statusCode, schedule.body).toBe(201);
      const onCall = await t.call('GET', '/api/v1/schedules/dispatch-primary/on-call', { token: t.users.viewer.token });
      expect(onCall.json().onCall).toMatchObject({ userId: responder.id, name: 'Test responder' });

      const policy = await t.call('PUT', '/api/v1/escalation-policies/dispatch', {
        body: {
          name: 'Dispatch',
          levels: [
            { delayMinutes: 0, targets: [{ type: 'schedule', id: 'dispatch-primary' }] },
            { delayMinutes: 15, targets: [{ type: 'user', id: admin.id }] },
          ],
        },
      });
      expect(policy.statusCode, policy.body).toBe(201);
      await t.call('POST', '/api/v1/services', { body: { id: 'dispatch', name: 'Dispatch' } });
      expect(
        (await t.call('PUT', '/api/v1/services/dispatch/escalation-policy', { body: { policyId: 'dispatch' } }))
          .statusCode,
      ).toBe(200);

      const incident = (
        await t.call('POST', '/api/v1/incidents', {
          body: { title: 'Dispatch stuck', services: ['dispatch'], severity: 'P1' },
        })
      ).json();
      const paged = async (level: number) => {
        const { rows } = await t.db.query<{ payload: { level: number; users: { userId: string }[] } }>(
          `SELECT payload FROM incident_events WHERE incident_id = $1 AND type = 'escalation_level_paged' AND (payload->>'level')::int = $2`,
          [incident.id, level],
        );
        return rows[0]?.payload ?? null;
      };
      const first = await eventually('level 1 paged', () => paged(1));
      expect(first.users.map((user) => user.userId)).toEqual([responder.id]);
      // Level 2 is due 15 minutes later; the clock is moved by moving its due time.
      const { rows: next } = await t.db.query<{ id: string; due_at: Date }>(
        `SELECT id, due_at FROM timers WHERE kind = 'escalate' AND done_at IS NULL AND payload->>'incidentId' = $1`,
        [incident.id],
      );
      expect(next).toHaveLength(1);
      expect(next[0]!.due_at.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
      await t.db.query(`UPDATE timers SET due_at = now() WHERE id = $1`, [next[0]!.id]);
      const second = await eventually('level 2 paged', () => paged(2));
      expect(second.users.map((user) => user.userId)).toEqual([admin.id]);
      const types = await timelineTypes(t, incident.id);
      expect(types.filter((type) => type.startsWith('escalation'))).toEqual([
        'escalation_started',
        'escalation_level_paged',
        'escalation_level_paged',
        'escalation_exhausted',
      ]);
    },
  );

  it.skipIf(!available)('stops the escalation when the incident is acknowledged before the next level', async () => {
    await t.call('PUT', '/api/v1/escalation-policies/ack-stops', {
      body: {
        name: 'Ack stops',
        levels: [
          { delayMinutes: 0, targets: [{ type: 'user', id: t.users.responder.id }] },
          { delayMinutes: 5, targets: [{ type: 'user', id: t.users.admin.id }] },
        ],
      },
    });
    await t.call('POST', '/api/v1/services', { body: { id: 'ack-svc', name: 'Ack' } });
    await t.call('PUT', '/api/v1/services/ack-svc/escalation-policy', { body: { policyId: 'ack-stops' } });
    const incident = (
      await t.call('POST', '/api/v1/incidents', { body: { title: 'Ack me', services: ['ack-svc'] } })
    ).json();
    await eventually('level 1 paged', async () =>
      (await timelineTypes(t, incident.id)).includes('escalation_level_paged') ? true : null,
    );
    expect(
      (
        await t.call('POST', `/api/v1/incidents/${incident.id}/acknowledge`, {
          token: t.users.responder.token,
          body: {},
        })
      ).statusCode,
    ).toBe(200);
    await t.db.query(
      `UPDATE timers SET due_at = now() WHERE kind = 'escalate' AND done_at IS NULL AND payload->>'incidentId' = $1`,
      [incident.id],
    );
    await eventually('escalation stopped', async () =>
      (await timelineTypes(t, incident.id)).includes('escalation_stopped') ? true : null,
    );
    expect((await timelineTypes(t, incident.id)).filter((type) => type === 'escalation_level_paged')).toHaveLength(1);
  });

  it.skipIf(!available)(
    'refuses a policy naming unknown targets and a schedule naming unknown users, each at its field',
    async () => {
      const policy = await t.call('PUT', '/api/v1/escalation-policies/bad', {
        body: {
          name: 'Bad',
          levels: [
            {
              delayMinutes: 0,
              targets: [
                { type: 'schedule', id: 'nope' },
                { type: 'team', id: 'nope' },
              ],
            },
          ],
        },
      });
      expect(policy.statusCode).toBe(400);
      expect(policy.json().details.issues.map((issue: { path: string }) => issue.path)).toEqual([
        '/levels/0/targets/0/id',
        '/levels/0/targets/1/id',
      ]);
      const schedule = await t.call('PUT', '/api/v1/schedules/bad', {
        body: { name: 'Bad', definition: { timeZone: 'Mars/Olympus', layers: [], overrides: [] } },
      });
      expect(schedule.statusCode).toBe(400);
      expect(schedule.json().details.issues[0].path).toBe('/definition/timeZone');
    },
  );

  it.skipIf(!available)(
    'tells the timeline when a P1 went 15 minutes without a status update, and an update pushes the next check back',
    async () => {
      const incident = (
        await t.call('POST', '/api/v1/incidents', {
          body: { title: 'Quiet P1', severity: 'P1', commanderId: t.users.responder.id },
        })
      ).json();
      const reminders = async () =>
        (
          await t.db.query<{ id: string; due_at: Date; done_at: Date | null }>(
            `SELECT id, due_at, done_at FROM timers WHERE kind = 'status_reminder' AND payload->>'incidentId' = $1 ORDER BY due_at`,
            [incident.id],
          )
        ).rows;
      const first = await eventually('a reminder scheduled', async () => (await reminders())[0] ?? null);
      expect(first.due_at.getTime() - Date.parse(incident.createdAt)).toBe(15 * 60_000);
      await t.db.query(`UPDATE timers SET due_at = now() WHERE id = $1`, [first.id]);
      const due = await eventually('status_update_due', async () => {
        const { rows } = await t.db.query<{ payload: { cadenceMinutes: number } }>(
          `SELECT payload FROM incident_events WHERE incident_id = $1 AND type = 'status_update_due'`,
          [incident.id],
        );
        return rows[0]?.payload ?? null;
      });
      expect(due.cadenceMinutes).toBe(15);
      const next = (await reminders()).filter((reminder) => reminder.done_at === null);
      expect(next).toHaveLength(1);
      expect(next[0]!.due_at.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);

      // A status update, then the pending check falls due: no reminder, the next check moves.
      const update = await t.call('POST', `/api/v1/incidents/${incident.id}/status-updates`, {
        token: t.users.responder.token,
        body: { message: 'Investigating the queue' },
      });
      expect(update.statusCode, update.body).toBeLessThan(300);
      await t.db.query(`UPDATE timers SET due_at = now() WHERE id = $1`, [next[0]!.id]);
      await eventually('the check rescheduled', async () =>
        (await reminders()).filter((reminder) => reminder.done_at === null && reminder.id !== next[0]!.id).length === 1
          ? true
          : null,
      );
      const { rows } = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM incident_events WHERE incident_id = $1 AND type = 'status_update_due'`,
        [incident.id],
      );
      expect(rows[0]!.n).toBe(1);
    },
  );

  it.skipIf(!available)(
    'pages every active member of a team target, each once even when also named as a user',
    async () => {
      expect((await t.call('POST', '/api/v1/teams', { body: { id: 'sre', name: 'SRE' } })).statusCode).toBe(201);
      for (const user of [t.users.responder, t.users.admin])
        expect((await t.call('PUT', `/api/v1/teams/sre/members/${user.id}`)).statusCode).toBeLessThan(300);
      await t.call('PUT', '/api/v1/escalation-policies/team-policy', {
        body: {
          name: 'Team',
          levels: [
            {
              delayMinutes: 0,
              targets: [
                { type: 'team', id: 'sre' },
                { type: 'user', id: t.users.admin.id },
              ],
            },
          ],
        },
      });
      await t.call('POST', '/api/v1/services', { body: { id: 'team-svc', name: 'Team service' } });
      await t.call('PUT', '/api/v1/services/team-svc/escalation-policy', { body: { policyId: 'team-policy' } });
      const incident = (
        await t.call('POST', '/api/v1/incidents', { body: { title: 'Team page', services: ['team-svc'] } })
      ).json();
      const paged = await eventually('level 1', async () => {
        const { rows } = await t.db.query<{ payload: { users: { userId: string; via: { type: string } }[] } }>(
          `SELECT payload FROM incident_events WHERE incident_id = $1 AND type = 'escalation_level_paged'`,
          [incident.id],
        );
        return rows[0]?.payload ?? null;
      });
      expect(paged.users.map((user) => user.userId).sort()).toEqual([t.users.responder.id, t.users.admin.id].sort());
      expect(paged.users.every((user) => user.via.type === 'team')).toBe(true);
    },
  );
});
