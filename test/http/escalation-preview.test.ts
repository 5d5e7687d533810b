import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';
import { weeklySchedule } from '../support/weekly-schedule.js';

describe.each(testBackends)('the escalation preview on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  it.skipIf(!available)(
    "resolves each level of a stored policy to people at `at`: the schedule's on-call, the team's members, each once",
    async () => {
      const { responder, admin, viewer } = t.users;
      expect(
        (
          await t.call('PUT', '/api/v1/schedules/preview-primary', {
            body: weeklySchedule('P', [responder.id]),
          })
        ).statusCode,
      ).toBe(201);
      expect((await t.call('POST', '/api/v1/teams', { body: { id: 'preview-sre', name: 'SRE' } })).statusCode).toBe(
        201,
      );
      for (const user of [admin, responder])
        expect((await t.call('PUT', `/api/v1/teams/preview-sre/members/${user.id}`)).statusCode).toBeLessThan(300);
      const put = await t.call('PUT', '/api/v1/escalation-policies/preview-policy', {
        body: {
          name: 'Preview',
          levels: [
            { delayMinutes: 0, targets: [{ type: 'schedule', id: 'preview-primary' }] },
            { delayMinutes: 10, targets: [{ type: 'team', id: 'preview-sre' }] },
          ],
        },
      });
      expect(put.statusCode, put.body).toBe(201);

      const response = await t.call(
        'GET',
        '/api/v1/escalation-policies/preview-policy/preview?at=2026-03-04T12:00:00Z',
        {
          token: viewer.token,
        },
      );
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({
        at: '2026-03-04T12:00:00.000Z',
        levels: [
          {
            level: 1,
            delayMinutes: 0,
            afterMinutes: 0,
            people: [
              { userId: responder.id, name: 'Test responder', via: { type: 'schedule', id: 'preview-primary' } },
            ],
            empty: [],
          },
          {
            level: 2,
            delayMinutes: 10,
            afterMinutes: 10,
            people: [
              { userId: admin.id, name: expect.any(String), via: { type: 'team', id: 'preview-sre' } },
              { userId: responder.id, name: 'Test responder', via: { type: 'team', id: 'preview-sre' } },
            ],
            empty: [],
          },
        ],
      });
    },
  );

  it.skipIf(!available)('answers 404 for a policy that does not exist', async () => {
    const response = await t.call('GET', '/api/v1/escalation-policies/nope-nope/preview');
    expect(response.statusCode).toBe(404);
  });

  it.skipIf(!available)(
    'previews levels not saved yet, naming the targets that would page nobody, and writes nothing',
    async () => {
      const before = await t.db.query('SELECT count(*)::int AS n FROM audit_log');
      const response = await t.call('POST', '/api/v1/escalation-policies/preview', {
        token: t.users.viewer.token,
        body: {
          levels: [
            {
              delayMinutes: 5,
              targets: [
                { type: 'user', id: t.users.viewer.id },
                { type: 'schedule', id: 'no-such' },
              ],
            },
            { delayMinutes: 30, targets: [{ type: 'user', id: t.users.viewer.id }] },
          ],
        },
      });
      expect(response.statusCode, response.body).toBe(200);
      const [first, second] = response.json().levels;
      expect(first).toMatchObject({
        afterMinutes: 5,
        people: [{ userId: t.users.viewer.id, name: 'Test viewer' }],
        empty: [{ type: 'schedule', id: 'no-such' }],
      });
      expect(second).toMatchObject({ level: 2, afterMinutes: 35 });
      expect((await t.db.query('SELECT count(*)::int AS n FROM audit_log')).rows).toEqual(before.rows);
    },
  );

  it.skipIf(!available)('refuses levels without targets, naming the field', async () => {
    const response = await t.call('POST', '/api/v1/escalation-policies/preview', {
      body: { levels: [{ delayMinutes: 0, targets: [] }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details.issues.map((issue: { path: string }) => issue.path)).toContain('/levels/0/targets');
  });
});
