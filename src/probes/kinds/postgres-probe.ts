import { Type, type Static } from 'typebox';
import { runPostgresCheck } from '../checks/postgres-check.js';
import { defineProbeKind } from './probe-kind-definition.js';
import { secret } from './target-fields.js';

export const PostgresTargetSchema = Type.Object(
  {
    kind: Type.Literal('postgres'),
    /** `postgres://user:password@host:port/db`: sealed at rest (it holds the password). */
    url: Type.String({ ...secret, pattern: '^postgres(ql)?://', maxLength: 2000 }),
    /** Run after connecting; default `SELECT 1`. Runs in a read-only transaction. */
    query: Type.Optional(Type.String({ minLength: 1, maxLength: 10_000 })),
  },
  { additionalProperties: false, title: 'PostgresTarget' },
);
export type PostgresTarget = Static<typeof PostgresTargetSchema>;

/** `pg_isready`, and a query: connected, authenticated, what it returned, the connections. */
export const postgresProbe = defineProbeKind({
  label: 'PostgreSQL',
  target: PostgresTargetSchema,
  check: (target, options) => runPostgresCheck(target, options),
  secretFields: { url: 'url' },
  placeholders: [
    'CONNECTED',
    'RESPONSE_TIME',
    'RESULT',
    'ROW',
    'ROWS',
    'QUERY_ERROR',
    'CONNECTIONS',
    'CONNECTION_STATES',
    'MAX_CONNECTIONS',
  ],
  defaultConditions: ['[CONNECTED] == true'],
});
