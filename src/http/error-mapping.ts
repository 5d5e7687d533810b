import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type AppErrorCode, type FieldIssue } from '../core/app-error.js';

/** The one table from domain error codes to HTTP statuses. */
const httpStatusOf: Record<AppErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** The JSON body of every error answer. */
export interface ErrorBody {
  error: AppErrorCode;
  message: string;
  details: Record<string, unknown>;
}

interface AjvIssue {
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** PostgreSQL errors a client can cause despite validation (a race on a unique name, say). */
const postgresErrors: Record<string, { code: AppErrorCode; message: string }> = {
  '23505': { code: 'conflict', message: 'this already exists' },
  '23503': { code: 'conflict', message: 'this refers to something missing, or is still referred to' },
  '22P02': { code: 'validation_failed', message: 'a value has the wrong form' },
};

/** Turns anything thrown while serving a request into an AppError. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as Partial<FastifyError> & { validation?: AjvIssue[]; validationContext?: string };
  if (Array.isArray(fastifyError.validation)) {
    const part = fastifyError.validationContext ?? 'body';
    const issues = fastifyError.validation.map((issue) => toFieldIssue(part, issue));
    return new AppError(
      'validation_failed',
      `invalid ${part}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
      { issues },
    );
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', 'the request body is larger than the limit', {});
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'send the body as application/json', {});
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('validation_failed', 'the body is not valid JSON', {
        issues: [{ path: '/', message: 'not valid JSON' }],
      });
  }
  if (fastifyError.statusCode === 400 && fastifyError.message !== undefined) {
    return new AppError('validation_failed', fastifyError.message, {
      issues: [{ path: '/', message: fastifyError.message }],
    });
  }
  const pg = postgresErrors[String((error as { code?: unknown }).code)];
  // PostgreSQL's own detail text names columns and values: it stays in the server's logs.
  if (pg !== undefined) return new AppError(pg.code, pg.message, {});
  return new AppError('internal', 'internal error', {});
}

/** What an AppError is answered with: its status, the headers HTTP asks for with it, the JSON body. */
export interface ErrorAnswer {
  status: number;
  headers: Record<string, string>;
  body: ErrorBody;
}

/**
 * The answer to an AppError. A 401 names the scheme it wants (WWW-Authenticate); an error whose
 * details hold `retryAfterSeconds` says when to come back (Retry-After): HTTP clients that honour
 * it wait that long (Alertmanager and Prometheus retry on their own schedule regardless).
 */
export function errorAnswerOf(appError: AppError): ErrorAnswer {
  const status = httpStatusOf[appError.code];
  const headers: Record<string, string> = {};
  if (status === 401) headers['www-authenticate'] = 'Bearer';
  const retryAfter = appError.details['retryAfterSeconds'];
  if (typeof retryAfter === 'number') headers['retry-after'] = String(Math.max(1, Math.ceil(retryAfter)));
  return { status, headers, body: { error: appError.code, message: appError.message, details: appError.details } };
}

/** The app's error handler: every error becomes the JSON error body with its status and headers. */
export async function answerError(error: unknown, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const answer = errorAnswerOf(toAppError(error));
  // 4xx are the client's doing and only noise in the logs; 5xx are ours.
  if (answer.status >= 500) request.log.error({ err: error, requestId: request.id }, 'request failed');
  return reply.status(answer.status).headers(answer.headers).send(answer.body);
}

function toFieldIssue(part: string, issue: AjvIssue): FieldIssue {
  // Ajv names the field in these for `required` and `additionalProperties`: always a string.
  const named = issue.params['missingProperty'] ?? issue.params['additionalProperty'];
  const extra = typeof named === 'string' ? named : undefined;
  // Body fields are named by their JSON Pointer into the body (`/severity`), as the domain names
  // them; query-string and path parameters keep their part as the first segment.
  const prefix = part === 'body' ? '' : `/${part}`;
  const path = `${prefix}${issue.instancePath}${extra === undefined ? '' : `/${extra}`}` || '/';
  const message =
    issue.params['additionalProperty'] !== undefined ? 'is not a known field' : (issue.message ?? 'is invalid');
  return { path, message };
}
