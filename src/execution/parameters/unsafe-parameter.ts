import { AppError } from '../../core/app-error.js';

/**
 * The error for a placeholder the step cannot take safely (inside a quoted heredoc, inside code
 * another shell parses in a way we cannot quote for …). It is a property of the runbook, reported
 * like a validation failure on that parameter so the UI can point at it.
 */
export function unsafeParameter(name: string, line: number, reason: string): AppError {
  const message = `Parameter ${name} (line ${line}) cannot be passed to the step safely: ${reason}`;
  return new AppError('validation_failed', message, {
    issues: [{ path: `/parameters/${name}`, message }],
    parameter: name,
    line,
  });
}
