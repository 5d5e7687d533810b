import type { FastifyPluginAsync } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { authenticateSession } from '../auth/authenticate-session.js';
import { authenticateToken } from '../auth/authenticate-token.js';
import { csrfTokenOf, sessionSecretOf } from '../auth/session-secret.js';
import { TokenTouches } from '../auth/token-touches.js';
import { AppError } from '../core/app-error.js';
import type { Queryable } from '../storage/database.js';

export interface AuthPluginOptions {
  db: Queryable;
  now: () => Date;
}

/** Paths under /api/v1 that need no token (a setup link's token is its own credential). */
const publicApiPaths = new Set(['/api/v1/openapi.json', '/api/v1/setup', '/api/v1/setup/check']);
const readMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authenticates every /api/v1 request (other paths — the console, /healthz, /metrics — are not
 * its business) and sets `request.actor`: a person by session cookie or bearer token, or a runner
 * by its token. A failure is thrown as an AppError, answered by the app's error handler (401
 * with WWW-Authenticate, 403). Registered as `await app.register(authPlugin, { db, now })`.
 */
const authenticate: FastifyPluginAsync<AuthPluginOptions> = (app, { db, now }) => {
  const tokenTouches = new TokenTouches();
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/v1/') || publicApiPaths.has(path)) return;
    // A runner token can claim and run steps, nothing else: not even read what a viewer reads.
    const runnerPath = path.startsWith('/api/v1/runner/');
    const header = request.headers.authorization;
    const session = header === undefined ? sessionSecretOf(request.headers.cookie) : undefined;
    if (session !== undefined) {
      request.actor = await authenticateSession(db, session, now());
      // The cookie comes with any request the browser makes, even one another site triggers: a
      // change must also carry the CSRF token, which only the console can read.
      if (!readMethods.has(request.method) && request.headers['x-csrf-token'] !== csrfTokenOf(session)) {
        throw new AppError('forbidden', 'a change made with the session cookie needs its X-CSRF-Token header', {
          required: 'X-CSRF-Token',
        });
      }
      return;
    }
    const secret = header?.startsWith('Bearer ') === true ? header.slice('Bearer '.length).trim() : undefined;
    request.actor = await authenticateToken(db, secret, now(), tokenTouches);
    if ((request.actor.type === 'runner') !== runnerPath) {
      throw new AppError(
        'forbidden',
        runnerPath ? 'these routes are for runners: use a runner token' : 'a runner token may only claim and run steps',
        {},
      );
    }
  });
  return Promise.resolve();
};

// fastify-plugin lets the hook cover the routes of the app that registers it, not only those
// registered inside the plugin (Fastify's encapsulation).
export const authPlugin = fastifyPlugin(authenticate, { name: 'astreinte-auth', fastify: '5.x' });
