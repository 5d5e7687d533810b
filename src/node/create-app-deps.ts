import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { IntegrationKeys } from '../alerts/integrations/integration-keys.js';
import { AlertWriter } from '../alerts/pipeline/alert-writer.js';
import { IngestThrottle, registerThrottleMetric } from '../alerts/pipeline/ingest-throttle.js';
import { RunbookCatalogue } from '../alerts/pipeline/runbook-catalogue.js';
import type { Config } from '../config/config.js';
import { createExecutionServices } from '../execution/create-execution-services.js';
import { createStepJobServices } from '../execution/jobs/step-job-services.js';
import { parseSecretKey } from '../execution/secrets/secret-crypto.js';
import type { HttpDeps } from '../http/http-deps.js';
import { LiveChanges } from '../live/live-changes.js';
import type { Database } from '../storage/database.js';
import { createNodeMetrics } from './node-metrics.js';

export interface AppDepsOptions {
  db: Database;
  config: Config;
  /** The node's clock, handed to every service and loop (the system clock by default). */
  now?: () => Date;
  /** Identity of this node in step executions (random per process by default). */
  nodeId?: string;
  /** Where secrets named in ASTREINTE_STEP_SECRET_ENV are read (the process environment by default). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Where the alert writer reports what it could not store (nowhere by default). */
  logger?: Pick<Logger, 'error'>;
}

/**
 * The services one node's app is built from, created and started nothing: step jobs (steps
 * never run in this process — runners claim them over the API, src/runner/), execution settings,
 * and alert ingestion. The alert writer is one of them rather than a loop: requests hand it their
 * alerts and answer once it committed them, so an app cannot accept alerts without it.
 */
export function createAppDeps(options: AppDepsOptions): HttpDeps {
  const { db, config } = options;
  const now = options.now ?? (() => new Date());
  const jobs = createStepJobServices({
    nodeId: options.nodeId ?? randomUUID(),
    secretKey: config.secretKey === undefined ? null : parseSecretKey(config.secretKey),
    heartbeatMs: config.stepHeartbeatMs,
    queueTimeoutMs: config.stepQueueTimeoutMs,
    maxOutputBytes: config.stepMaxOutputBytes,
  });
  const execution = createExecutionServices(config, jobs, options.env ?? process.env);
  const catalogue = new RunbookCatalogue();
  const metrics = createNodeMetrics(db);
  const writer = new AlertWriter({
    db,
    catalogue,
    now,
    onProcessed: (alerts) => metrics.alertsProcessed.inc(alerts),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  const throttle = new IngestThrottle({
    db,
    maxAgeMs: config.alertInboxMaxAgeMs,
    maxDepth: config.alertInboxMaxDepth,
    waiting: () => writer.waiting,
    now,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  registerThrottleMetric(metrics.registry, throttle);
  const live = new LiveChanges(db, config.liveSafetyPollMs);
  // Steps recorded on another node wake this node's streams as this node's own records do.
  live.onSteps((ids) => (ids === 'all' ? jobs.changes.notifyAll() : ids.forEach((id) => jobs.changes.notify(id))));
  return {
    db,
    config,
    now,
    execution,
    alerts: { keys: new IntegrationKeys(db), writer, catalogue, throttle },
    metrics,
    live,
  };
}
