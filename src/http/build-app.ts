import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { IntegrationKeys } from '../alerts/integrations/integration-keys.js';
import { AlertWriter } from '../alerts/pipeline/alert-writer.js';
import { RunbookCatalogue } from '../alerts/pipeline/runbook-catalogue.js';
import { TokenTouches } from '../auth/token-touches.js';
import { authenticateToken } from '../auth/authenticate-token.js';
import { authenticateSession } from '../auth/authenticate-session.js';
import { csrfTokenOf, sessionSecretOf } from '../auth/session-secret.js';
import { createAlertSweepJob } from '../jobs/alert-sweep-job.js';
import { createTimerRunner } from '../jobs/timer-runner.js';
import { ProbeRunner } from '../jobs/probe-runner.js';
import { oncallTimerHandlers } from '../oncall/oncall-timer-handlers.js';
import { createExecutionServices } from '../execution/create-execution-services.js';
import { createStepJobServices } from '../execution/jobs/step-job-services.js';
import { createStepJobSweep } from '../jobs/step-job-sweep.js';
import { parseSecretKey } from '../execution/secrets/secret-crypto.js';
import type { Config } from '../config/config.js';
import type { Database } from '../storage/database.js';
import { AppError } from '../core/app-error.js';
import { httpStatusOf, toAppError, type ErrorBody } from './error-mapping.js';
import type { App, HttpDeps } from './http-deps.js';
import { createHttpMetrics } from './metrics.js';
import { registerRunnerMetrics } from '../execution/jobs/runner-metrics.js';
import { registerReportMetrics } from '../reports/report-metrics.js';
import { registerRoutes } from './routes/register-routes.js';
import { makeValidatorCompiler } from './validator-compilers.js';

export interface BuildAppOptions {
  db: Database;
  config: Config;
  logger?: FastifyBaseLogger | boolean;
  now?: () => Date;
  /** Identity of this node in step executions (random per process by default). */
  nodeId?: string;
  /** Where secrets named in ASTREINTE_STEP_SECRET_ENV are read (the process environment by default). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Paths under /api/v1 that need no token. */
const publicApiPaths = new Set(['/api/v1/openapi.json']);

/**
 * Builds the HTTP application (not listening yet): validation, authentication, error mapping,
 * metrics, OpenAPI and every domain's routes.
 */
export async function buildApp(options: BuildAppOptions): Promise<App> {
  const { db, config } = options;
  const app = Fastify({
    // Fastify 5 takes a ready logger as `loggerInstance`; `logger` only takes settings.
    ...(typeof options.logger === 'object' ? { loggerInstance: options.logger } : { logger: options.logger ?? false }),
    bodyLimit: config.bodyLimitBytes,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    trustProxy: false,
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;
  app.setValidatorCompiler(makeValidatorCompiler());
  // The API speaks JSON only: without this, Fastify's built-in text/plain parser would hand a
  // string to the body validator and answer 400 where 415 is the truth.
  app.removeContentTypeParser('text/plain');

  // Steps never run in this process: runners claim them over the API (src/runner/).
  const jobs = createStepJobServices({
    nodeId: options.nodeId ?? randomUUID(),
    secretKey: config.secretKey === undefined ? null : parseSecretKey(config.secretKey),
    heartbeatMs: config.stepHeartbeatMs,
    queueTimeoutMs: config.stepQueueTimeoutMs,
    maxOutputBytes: config.stepMaxOutputBytes,
  });
  // Runners waiting for a step are let go first, so shutdown does not wait out their long polls.
  app.addHook('preClose', () => {
    jobs.signal.close();
    return Promise.resolve();
  });
  const execution = createExecutionServices(config, jobs, options.env ?? process.env);
  const now = options.now ?? (() => new Date());
  const stepSweep = createStepJobSweep({
    db,
    now,
    jobs,
    onError: (error, job) => app.log.error({ err: error, job }, 'step job sweep failed'),
  });
  stepSweep.start();
  app.addHook('onClose', async () => stepSweep.stop());
  const catalogue = new RunbookCatalogue();
  const writer = new AlertWriter({ db, catalogue, now, logger: app.log });
  writer.start();
  // The server closes the database only after app.close(): alerts already accepted are committed first.
  app.addHook('onClose', async () => writer.stop());
  const alertSweep = createAlertSweepJob({
    db,
    catalogue,
    now,
    intervalMs: config.alertSweepMs,
    onError: (error, job) => app.log.error({ err: error, job }, 'timed alert work failed'),
  });
  alertSweep.start();
  app.addHook('onClose', async () => alertSweep.stop());
  const timers = createTimerRunner({
    db,
    now,
    intervalMs: config.timerPollMs,
    handlers: oncallTimerHandlers({
      db,
      now,
      secretKey: execution.secretKey === null ? null : Buffer.from(execution.secretKey),
      baseUrl: config.publicUrl ?? `http://${config.host}:${config.port}`,
    }),
    onError: (error, job) => app.log.error({ err: error, job }, 'timed work failed'),
  });
  timers.start();
  app.addHook('onClose', async () => timers.stop());
  const probes = new ProbeRunner({
    db,
    catalogue,
    now,
    tickMs: config.probeTickMs,
    concurrency: config.probeConcurrency,
    historyHours: config.probeHistoryHours,
    secretKey: execution.secretKey === null ? null : Buffer.from(execution.secretKey),
    prometheusUrl: config.prometheusUrl ?? null,
    onError: (error, job) => app.log.error({ err: error, job }, 'probe work failed'),
  });
  probes.start();
  // Checks in flight are cancelled and their probes handed back before the database closes.
  app.addHook('onClose', async () => probes.stop());
  const deps: HttpDeps = {
    db,
    config,
    now,
    execution,
    alerts: { keys: new IntegrationKeys(db), writer, catalogue, sweep: alertSweep },
    probes,
  };
  const metrics = createHttpMetrics(db);
  registerReportMetrics(metrics.registry, db, now);
  registerRunnerMetrics(metrics.registry, jobs.signal);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Astreinte API',
        version: '1',
        description: 'Incident response: incidents, services, people, tokens.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });

  const tokenTouches = new TokenTouches();
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/v1/') || publicApiPaths.has(path)) return;
    // A runner token can claim and run steps, nothing else: not even read what a viewer reads.
    const runnerPath = path.startsWith('/api/v1/runner/');
    const header = request.headers.authorization;
    const session = header === undefined ? sessionSecretOf(request.headers.cookie) : undefined;
    if (session !== undefined) {
      request.actor = await authenticateSession(db, session, deps.now());
      // The cookie comes with any request the browser makes, even one another site triggers: a
      // change must also carry the CSRF token, which only the console can read.
      if (
        !['GET', 'HEAD', 'OPTIONS'].includes(request.method) &&
        request.headers['x-csrf-token'] !== csrfTokenOf(session)
      ) {
        throw new AppError('forbidden', 'a change made with the session cookie needs its X-CSRF-Token header', {
          required: 'X-CSRF-Token',
        });
      }
      return;
    }
    const secret = header?.startsWith('Bearer ') === true ? header.slice('Bearer '.length).trim() : undefined;
    request.actor = await authenticateToken(db, secret, deps.now(), tokenTouches);
    if ((request.actor.type === 'runner') !== runnerPath) {
      throw new AppError(
        'forbidden',
        runnerPath ? 'these routes are for runners: use a runner token' : 'a runner token may only claim and run steps',
        {},
      );
    }
  });

  // Action endpoints take an optional body: an empty POST validates as `{}`.
  app.addHook('preValidation', (request) => {
    if (request.body === undefined && ['POST', 'PUT', 'PATCH'].includes(request.method)) request.body = {};
    return Promise.resolve();
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  app.setErrorHandler(async (error, request, reply) => {
    const appError = toAppError(error);
    const status = httpStatusOf[appError.code];
    // 4xx are the client's doing and only noise in the logs; 5xx are ours.
    if (status >= 500) request.log.error({ err: error, requestId: request.id }, 'request failed');
    const body: ErrorBody = { error: appError.code, message: appError.message, details: appError.details };
    if (status === 401) reply.header('www-authenticate', 'Bearer');
    return reply.status(status).send(body);
  });

  app.setNotFoundHandler(async (request, reply) => {
    const body: ErrorBody = {
      error: 'not_found',
      message: `no route ${request.method} ${request.url.split('?')[0]}`,
      details: {},
    };
    return reply.status(404).send(body);
  });

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });

  app.get('/api/v1/openapi.json', { schema: { hide: true } }, () => Promise.resolve(app.swagger()));

  await registerRoutes(app, deps);
  return app;
}
