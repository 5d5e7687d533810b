import type { App, HttpDeps } from '../http-deps.js';

/** `/healthz`: the process answers. `/readyz`: the database answers too (503 otherwise). */
export function registerHealthRoutes(app: App, deps: HttpDeps): void {
  app.get('/healthz', { schema: { hide: true } }, () => Promise.resolve({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    try {
      await withTimeout(deps.db.query('SELECT 1'), 2000);
      return { status: 'ready', database: deps.db.backend };
    } catch (error) {
      request.log.warn({ err: error }, 'database not reachable');
      return reply
        .status(503)
        .send({ status: 'unavailable', database: deps.db.backend, message: 'the database does not answer' });
    }
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
