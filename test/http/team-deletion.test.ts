import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

describe.each(testBackends)('deleting a team on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  /** A new team with a unique slug, and the given members, created through the API. */
  async function newTeam(memberIds: string[] = []): Promise<string> {
    const id = `team-${randomBytes(4).toString('hex')}`;
    const created = await t.call('POST', '/api/v1/teams', { body: { id, name: `Team ${id}` } });
    expect(created.statusCode, created.body).toBe(201);
    for (const userId of memberIds) await t.call('PUT', `/api/v1/teams/${id}/members/${userId}`);
    return id;
  }

  async function auditActions(teamId: string): Promise<string[]> {
    const { rows } = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target_type = 'team' AND target_id = $1 ORDER BY id`,
      [teamId],
    );
    return rows.map((row) => row.action);
  }

  it.skipIf(!available)('deletes a team with its memberships and records team.delete', async () => {
    const id = await newTeam([t.users.viewer.id, t.users.responder.id]);
    const deleted = await t.call('DELETE', `/api/v1/teams/${id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await t.call('GET', `/api/v1/teams/${id}`)).statusCode).toBe(404);
    const { rows } = await t.db.query('SELECT 1 FROM team_members WHERE team_id = $1', [id]);
    expect(rows).toEqual([]);
    expect(await auditActions(id)).toEqual(['team.create', 'team.add_member', 'team.add_member', 'team.delete']);
    expect((await t.call('DELETE', `/api/v1/teams/${id}`)).statusCode).toBe(404);
  });

  it.skipIf(!available)(
    'refuses with 409, naming them, while a service, a schedule or an escalation policy names the team',
    async () => {
      const id = await newTeam();
      const service = `svc-${randomBytes(4).toString('hex')}`;
      await t.call('POST', '/api/v1/services', { body: { id: service, name: 'Owned', ownerTeamId: id } });
      const schedule = await t.call('PUT', `/api/v1/schedules/${id}-primary`, {
        body: {
          name: 'Primary',
          teamId: id,
          definition: { timeZone: 'Europe/Paris', layers: [], overrides: [] },
        },
      });
      expect(schedule.statusCode, schedule.body).toBe(201);
      const policy = await t.call('PUT', `/api/v1/escalation-policies/${id}-policy`, {
        body: { name: 'Whole team', levels: [{ delayMinutes: 0, targets: [{ type: 'team', id }] }] },
      });
      expect(policy.statusCode, policy.body).toBe(201);

      const refused = await t.call('DELETE', `/api/v1/teams/${id}`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().details).toEqual({
        id,
        services: [service],
        schedules: [`${id}-primary`],
        escalationPolicies: [`${id}-policy`],
      });
      expect((await t.call('GET', `/api/v1/teams/${id}`)).statusCode).toBe(200);
      expect(await auditActions(id)).toEqual(['team.create']);

      // Once nothing names it, it goes.
      await t.call('PATCH', `/api/v1/services/${service}`, { body: { ownerTeamId: null } });
      await t.call('PUT', `/api/v1/schedules/${id}-primary`, {
        body: { name: 'Primary', teamId: null, definition: { timeZone: 'Europe/Paris', layers: [], overrides: [] } },
      });
      await t.call('PUT', `/api/v1/escalation-policies/${id}-policy`, {
        body: { name: 'Admin', levels: [{ delayMinutes: 0, targets: [{ type: 'user', id: t.users.admin.id }] }] },
      });
      expect((await t.call('DELETE', `/api/v1/teams/${id}`)).statusCode).toBe(204);
    },
  );

  it.skipIf(!available)('refuses viewers and responders with 403', async () => {
    const id = await newTeam();
    for (const role of ['viewer', 'responder'] as const) {
      const response = await t.call('DELETE', `/api/v1/teams/${id}`, { token: t.users[role].token });
      expect(response.statusCode).toBe(403);
    }
    expect(await auditActions(id)).toEqual(['team.create']);
  });
});
