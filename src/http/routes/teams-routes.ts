import { Type } from 'typebox';
import { addTeamMember } from '../../teams/add-team-member.js';
import { createTeam, CreateTeamInput } from '../../teams/create-team.js';
import { deleteTeam } from '../../teams/delete-team.js';
import { getTeam } from '../../teams/get-team.js';
import { listTeams, ListTeamsQuery } from '../../teams/list-teams.js';
import { removeTeamMember } from '../../teams/remove-team-member.js';
import { TeamSchema } from '../../teams/team-model.js';
import { updateTeam, UpdateTeamInput } from '../../teams/update-team.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { errorResponses, IdParams, paged } from '../schemas.js';

const tags = ['teams'];

const MemberParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 200 }),
  userId: Type.String({ minLength: 1, maxLength: 200 }),
});

/** Teams: create, list, show, rename, delete, and membership. */
export function registerTeamRoutes(app: App, { db, now }: HttpDeps): void {
  app.post(
    '/api/v1/teams',
    {
      schema: {
        tags,
        summary: 'Create a team (admin)',
        body: CreateTeamInput,
        response: { 201: TeamSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createTeam({ ctx: ctxOf(request, db, now), input: request.body })),
  );

  app.get(
    '/api/v1/teams',
    {
      schema: {
        tags,
        summary: 'List teams by id',
        querystring: ListTeamsQuery,
        response: { 200: paged(TeamSchema), ...errorResponses },
      },
    },
    async (request) => listTeams({ ctx: ctxOf(request, db, now), input: request.query }),
  );

  app.get(
    '/api/v1/teams/:id',
    {
      schema: {
        tags,
        summary: 'Show a team and its members',
        params: IdParams,
        response: { 200: TeamSchema, ...errorResponses },
      },
    },
    async (request) => getTeam({ ctx: ctxOf(request, db, now), input: request.params }),
  );

  app.patch(
    '/api/v1/teams/:id',
    {
      schema: {
        tags,
        summary: 'Rename a team or change its description (admin)',
        params: IdParams,
        body: UpdateTeamInput,
        response: { 200: TeamSchema, ...errorResponses },
      },
    },
    async (request) => updateTeam({ ctx: ctxOf(request, db, now), input: { ...request.body, id: request.params.id } }),
  );

  app.delete(
    '/api/v1/teams/:id',
    {
      schema: {
        tags,
        summary:
          'Delete a team and its memberships (admin); 409 while a service, schedule or escalation policy names it',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteTeam({ ctx: ctxOf(request, db, now), input: request.params });
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/teams/:id/members/:userId',
    {
      schema: {
        tags,
        summary: 'Add a member to a team (admin; idempotent)',
        params: MemberParams,
        response: { 200: TeamSchema, ...errorResponses },
      },
    },
    async (request) => addTeamMember({ ctx: ctxOf(request, db, now), input: request.params }),
  );

  app.delete(
    '/api/v1/teams/:id/members/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a member from a team (admin)',
        params: MemberParams,
        response: { 200: TeamSchema, ...errorResponses },
      },
    },
    async (request) => removeTeamMember({ ctx: ctxOf(request, db, now), input: request.params }),
  );
}
