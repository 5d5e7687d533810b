import { AppError } from '../../core/app-error.js';
import type { Queryable } from '../../storage/database.js';
import { uuidPattern } from '../load-run-step.js';
import type { RunnerLabels } from './runner-model.js';

const selectRunner = `
  SELECT r.name, r.labels, r.disconnected_at IS NOT NULL AS runner_disconnected, t.revoked_at IS NOT NULL AS token_revoked
    FROM runners r JOIN api_tokens t ON t.id = r.token_id
   WHERE r.id = $1::uuid AND r.token_id = $2::uuid`;

/** How the runner a request speaks for stands, as each runner statement reads it (no row: not registered with this token). */
export type RunnerStanding = {
  runner_disconnected: boolean;
  token_revoked: boolean;
};

/**
 * The runner a request speaks for, registered with the same token and not stopped (a 409: the
 * runner registers again). Checked at every claim within the claim's transaction, so a token
 * revoked while a claim waits gets nothing more (401).
 */
export async function loadActiveRunner(
  db: Queryable,
  runnerId: string,
  tokenId: string,
): Promise<{ name: string; labels: RunnerLabels }> {
  const row = (
    await db.query<{ name: string; labels: RunnerLabels } & RunnerStanding>(selectRunner, [
      runnerParam(runnerId),
      tokenId,
    ])
  ).rows[0];
  assertRunnerStanding(row, runnerId);
  return row;
}

/** 401 once the runner's token is revoked; 409 (register first) when it is unknown with this token or stopped. */
export function assertRunnerStanding<T extends RunnerStanding>(row: T | undefined, runnerId: string): asserts row is T {
  if (row?.token_revoked === true) throw new AppError('unauthenticated', 'this runner token was revoked');
  if (row === undefined || row.runner_disconnected) {
    throw new AppError('conflict', `runner ${runnerId} is not registered with this token: register it first`, {
      register: '/api/v1/runner/sessions',
    });
  }
}

/** A runner id as a statement parameter: one that is no uuid matches no runner (a 409), rather than failing the statement. */
export function runnerParam(runnerId: string): string | null {
  return uuidPattern.test(runnerId) ? runnerId : null;
}
