import { AppError, type FieldIssue } from '../../../src/core/app-error.js';

/** The AppError a call throws; fails the test if it returns or throws something else. */
export function thrownError(call: () => unknown): AppError {
  try {
    call();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw new Error(`expected an AppError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected the call to throw, it returned');
}

/** The field issues of the validation error a call throws. */
export function thrownIssues(call: () => unknown): FieldIssue[] {
  const error = thrownError(call);
  if (error.code !== 'validation_failed')
    throw new Error(`expected validation_failed, got ${error.code}: ${error.message}`);
  return error.details['issues'] as FieldIssue[];
}

/** Just the paths of those issues, in order: most tests are about where the problem is. */
export function thrownPaths(call: () => unknown): string[] {
  return thrownIssues(call).map((issue) => issue.path);
}
