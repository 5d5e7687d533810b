import type { FastifyRequest } from 'fastify';
import type { Actor } from '../core/actor.js';
import { AppError } from '../core/app-error.js';
import { systemCtx, type Ctx } from '../core/context.js';
import type { Database } from '../storage/database.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook on every `/api/v1` request. */
    actor?: Actor;
  }
}

/** The domain context of a request: its authenticated actor, id, database and origin. */
export function ctxOf(request: FastifyRequest, db: Database, now: () => Date): Ctx {
  if (request.actor === undefined) throw new AppError('unauthenticated', 'this request is not authenticated');
  const userAgent = request.headers['user-agent'];
  return {
    actor: request.actor,
    requestId: request.id,
    db,
    now,
    origin: { ip: request.ip, ...(userAgent === undefined ? {} : { userAgent }) },
  };
}

/**
 * The context of a request nobody is authenticated for yet (signing in, opening a setup link):
 * the system acts, with the request's id and origin for the audit log.
 */
export function anonymousCtxOf(request: FastifyRequest, db: Database, now: () => Date): Ctx {
  const userAgent = request.headers['user-agent'];
  return systemCtx(db, now, request.id, { ip: request.ip, ...(userAgent === undefined ? {} : { userAgent }) });
}
