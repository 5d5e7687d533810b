/**
 * Every error the domain raises on purpose. The transports map `code` to their own terms in one
 * place (`http/error-mapping.ts`); anything that is not an AppError is an internal fault.
 */
export const appErrorCodes = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_transition',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export type AppErrorCode = (typeof appErrorCodes)[number];

/**
 * One failing field and why it failed. `path` is a JSON Pointer into the input (`/severity`,
 * `/services/2`); query-string and path parameters start with `/querystring` or `/params`.
 */
export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** 400: the input is wrong; `issues` names each failing field. */
export function validationError(message: string, issues: FieldIssue[]): AppError {
  return new AppError('validation_failed', message, { issues });
}

export function notFound(entity: string, id: string): AppError {
  return new AppError('not_found', `${entity} ${id} does not exist`, { entity, id });
}

export function conflict(message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('conflict', message, details);
}
