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
import type { IngestThrottle } from '../alerts/pipeline/ingest-throttle.js';
import type { RunbookCatalogue } from '../alerts/pipeline/runbook-catalogue.js';
import type { Config } from '../config/config.js';
import type { ExecutionServices } from '../execution/execute-step.js';
import type { NodeMetrics } from '../node/node-metrics.js';
import type { LiveChanges } from '../live/live-changes.js';
import type { Database } from '../storage/database.js';

/**
 * What the app is built from (`buildApp`) and route modules use: services only, no loop. The node
 * (`src/node/`) or a test assembles them with `createAppDeps` and runs the loops beside the app.
 */
export interface HttpDeps {
  db: Database;
  config: Config;
  now: () => Date;
  /** Runs runbook steps on this node, with what step execution needs. */
  execution: ExecutionServices;
  /**
   * Alert ingestion on this node: integration keys (cached), the group-committing writer (the app
   * stops it when it closes: the alerts it accepted are committed by then), the runbooks alerts are matched with,
   * and the throttle that refuses alerts while the node cannot keep up.
   */
  alerts: { keys: IntegrationKeys; writer: AlertWriter; catalogue: RunbookCatalogue; throttle: IngestThrottle };
  /** This node's metrics: its app serves them at /metrics, its routes and loops count into them. */
  metrics: NodeMetrics;
  /**
   * What changed in the database, from any node, as this node's one listener hears it: live
   * streams wait on it instead of polling. Started by the node (or by the first stream); the app
   * stops it when it closes, which ends the streams.
   */
  live: LiveChanges;
}

/** The Fastify instance with TypeBox typing, as route modules receive it. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;
