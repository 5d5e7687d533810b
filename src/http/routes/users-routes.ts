import { adoptContactsDraft, AdoptContactsDraftInput } from '../../users/adopt-contacts-draft.js';
import { createUser, CreateUserInput } from '../../users/create-user.js';
import { deactivateUser } from '../../users/deactivate-user.js';
import { getCurrentUser } from '../../users/get-current-user.js';
import { getUser } from '../../users/get-user.js';
import { listUsers, ListUsersQuery } from '../../users/list-users.js';
import { updateUser, UpdateUserInput } from '../../users/update-user.js';
import { UserSchema } from '../../users/user-model.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { adoptionResponses, adoptionStatus, errorResponses, IdParams, paged } from '../schemas.js';

const tags = ['users'];

/** Users: create, list, show, update, deactivate, and who am I. */
export function registerUserRoutes(app: App, { db, now }: HttpDeps): void {
  app.post(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: 'Create a user (admin)',
        body: CreateUserInput,
        response: { 201: UserSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createUser({ ctx: ctxOf(request, db, now), input: request.body })),
  );

  app.get(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: 'List users by username',
        querystring: ListUsersQuery,
        response: { 200: paged(UserSchema), ...errorResponses },
      },
    },
    async (request) => listUsers({ ctx: ctxOf(request, db, now), input: request.query }),
  );

  app.get(
    '/api/v1/users/:id',
    {
      schema: { tags, summary: 'Show a user', params: IdParams, response: { 200: UserSchema, ...errorResponses } },
    },
    async (request) => getUser({ ctx: ctxOf(request, db, now), input: request.params }),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags,
        summary: 'Change a user (admin, or the user themself except for the role)',
        params: IdParams,
        body: UpdateUserInput,
        response: { 200: UserSchema, ...errorResponses },
      },
    },
    async (request) => updateUser({ ctx: ctxOf(request, db, now), input: { ...request.body, id: request.params.id } }),
  );

  app.post(
    '/api/v1/users/:id/deactivate',
    {
      schema: {
        tags,
        summary: 'Deactivate a user and revoke their tokens (admin)',
        params: IdParams,
        response: { 200: UserSchema, ...errorResponses },
      },
    },
    async (request) => deactivateUser({ ctx: ctxOf(request, db, now), input: request.params }),
  );

  app.get(
    '/api/v1/me',
    {
      schema: { tags, summary: 'The user the token acts as', response: { 200: UserSchema, ...errorResponses } },
    },
    async (request) => getCurrentUser({ ctx: ctxOf(request, db, now) }),
  );

  app.post(
    '/api/v1/users/adopt',
    {
      schema: {
        tags,
        summary:
          'Add the people of a contacts draft found in an imported runbook as users to invite, sending them nothing (admin); dryRun previews',
        body: AdoptContactsDraftInput,
        response: adoptionResponses,
      },
    },
    async (request, reply) => {
      const adopted = await adoptContactsDraft({ ctx: ctxOf(request, db, now), input: request.body });
      return reply.status(adoptionStatus(adopted)).send(adopted);
    },
  );
}
