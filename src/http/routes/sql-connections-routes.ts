import { Type } from 'typebox';
import { deleteSqlConnection } from '../../execution/connections/delete-sql-connection.js';
import { getSqlConnection } from '../../execution/connections/get-sql-connection.js';
import { listSqlConnections } from '../../execution/connections/list-sql-connections.js';
import { putSqlConnection, PutSqlConnectionInput } from '../../execution/connections/put-sql-connection.js';
import {
  ListedSqlConnectionSchema,
  SqlConnectionParams,
  SqlConnectionSchema,
} from '../../execution/connections/sql-connection-model.js';
import { SqlConnectionTestSchema, testSqlConnection } from '../../execution/connections/test-sql-connection.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { errorResponses } from '../schemas.js';

const tags = ['sql-connections'];

/** Named PostgreSQL connections SQL steps run against: admins store, test and delete them; responders list them. */
export function registerSqlConnectionRoutes(app: App, { db, now, execution }: HttpDeps): void {
  app.put(
    '/api/v1/sql-connections/:name',
    {
      schema: {
        tags,
        summary: 'Store a PostgreSQL connection, or replace the one of that name (admin; needs ASTREINTE_SECRET_KEY)',
        params: SqlConnectionParams,
        body: PutSqlConnectionInput,
        response: { 200: SqlConnectionSchema, ...errorResponses },
      },
    },
    async (request) =>
      putSqlConnection({
        ctx: ctxOf(request, db, now),
        input: { ...request.body, name: request.params.name },
        services: execution,
      }),
  );

  app.get(
    '/api/v1/sql-connections',
    {
      schema: {
        tags,
        summary: 'List PostgreSQL connections, by name, without passwords, and the runbooks using each',
        response: { 200: Type.Array(ListedSqlConnectionSchema), ...errorResponses },
      },
    },
    async (request) => listSqlConnections({ ctx: ctxOf(request, db, now) }),
  );

  app.get(
    '/api/v1/sql-connections/:name',
    {
      schema: {
        tags,
        summary: 'Show a PostgreSQL connection, without its password',
        params: SqlConnectionParams,
        response: { 200: SqlConnectionSchema, ...errorResponses },
      },
    },
    async (request) => getSqlConnection({ ctx: ctxOf(request, db, now), input: request.params }),
  );

  app.delete(
    '/api/v1/sql-connections/:name',
    {
      schema: {
        tags,
        summary: 'Delete a PostgreSQL connection (admin)',
        params: SqlConnectionParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteSqlConnection({ ctx: ctxOf(request, db, now), input: request.params });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/sql-connections/:name/test',
    {
      schema: {
        tags,
        summary: 'Connect and run SELECT version() (admin); a failure is answered with ok: false',
        params: SqlConnectionParams,
        response: { 200: SqlConnectionTestSchema, ...errorResponses },
      },
    },
    async (request) => testSqlConnection({ ctx: ctxOf(request, db, now), input: request.params, services: execution }),
  );
}
