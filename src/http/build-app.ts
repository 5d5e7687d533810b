import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { registerRunnerMetrics } from '../execution/jobs/runner-metrics.js';
import { registerReportMetrics } from '../reports/report-metrics.js';
import { authPlugin } from './auth-plugin.js';
import { answerError, type ErrorBody } from './error-mapping.js';
import type { App, HttpDeps } from './http-deps.js';
import { createHttpMetrics } from './metrics.js';
import { RequestLog } from './request-log.js';
import { registerRoutes } from './routes/register-routes.js';
import { makeValidatorCompiler } from './validator-compilers.js';

/**
 * Builds the HTTP application (not listening yet) from the services it is given: validation,
 * authentication, error mapping, metrics, OpenAPI and every domain's routes. It starts no
 * background work (the node runs the loops, src/node/); closing it lets runners' long polls go
 * first and waits until the alerts it accepted are committed.
 */
export async function buildApp(deps: HttpDeps, options: { logger?: FastifyBaseLogger | boolean } = {}): Promise<App> {
  const { db, config, now } = deps;
  const app = Fastify({
    // Fastify 5 takes a ready logger as `loggerInstance`; `logger` only takes settings.
    ...(typeof options.logger === 'object' ? { loggerInstance: options.logger } : { logger: options.logger ?? false }),
    bodyLimit: config.bodyLimitBytes,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    trustProxy: false,
    logController: new RequestLog(),
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;
  app.setValidatorCompiler(makeValidatorCompiler());
  // The API speaks JSON only: without this, Fastify's built-in text/plain parser would hand a
  // string to the body validator and answer 400 where 415 is the truth.
  app.removeContentTypeParser('text/plain');

  const { jobs } = deps.execution;
  // Runners waiting for a step are let go first, so shutdown does not wait out their long polls.
  // Live streams end too (clients resume on another node with Last-Event-ID).
  app.addHook('preClose', () => {
    jobs.signal.close();
    deps.live.release();
    return Promise.resolve();
  });
  // Runs once the server stopped taking requests and those in flight ended: alerts accepted are
  // committed, and the node stops listening, before whoever closes the app closes the database.
  app.addHook('onClose', async () => {
    await deps.alerts.writer.stop();
    await deps.live.stop();
  });
  const metrics = createHttpMetrics(db, deps.metrics.registry);
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

  // Before authentication: a refused request carries its id too.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  await app.register(authPlugin, { db, now });

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

  app.setErrorHandler(answerError);

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
