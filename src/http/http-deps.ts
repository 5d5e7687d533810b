import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '../config/config.js';
import type { ExecutionServices } from '../execution/execute-step.js';
import type { Database } from '../storage/database.js';

/** What route modules need from the server. */
export interface HttpDeps {
  db: Database;
  config: Config;
  now: () => Date;
  /** Runs runbook steps on this node, with what step execution needs. */
  execution: ExecutionServices;
}

/** The Fastify instance with TypeBox typing, as route modules receive it. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;
