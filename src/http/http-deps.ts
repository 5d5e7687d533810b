import type { ProbeRunner } from '../jobs/probe-runner.js';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { IntegrationKeys } from '../alerts/integrations/integration-keys.js';
import type { AlertWriter } from '../alerts/pipeline/alert-writer.js';
import type { RunbookCatalogue } from '../alerts/pipeline/runbook-catalogue.js';
import type { Config } from '../config/config.js';
import type { JobLoop } from '../jobs/job-loop.js';
import type { ExecutionServices } from '../execution/execute-step.js';
import type { Database } from '../storage/database.js';

/** What route modules need from the server. */
export interface HttpDeps {
  db: Database;
  config: Config;
  now: () => Date;
  /** Runs runbook steps on this node, with what step execution needs. */
  execution: ExecutionServices;
  /** Alert ingestion on this node: integration keys (cached), the group-committing writer, the runbooks alerts are matched with, the timed sweep. */
  alerts: { keys: IntegrationKeys; writer: AlertWriter; catalogue: RunbookCatalogue; sweep: JobLoop };
  /** Runs this node's share of the due probes. */
  probes: ProbeRunner;
}

/** The Fastify instance with TypeBox typing, as route modules receive it. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;
