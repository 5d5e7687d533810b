import { AppError } from '../../core/app-error.js';
import type { Queryable } from '../../storage/database.js';
import { uuidPattern } from '../load-run-step.js';
import type { RunnerLabels } from './runner-model.js';

const selectRunner = `
  SELECT r.name, r.labels, r.disconnected_at IS NOT NULL AS disconnected, t.revoked_at IS NOT NULL AS revoked
    FROM runners r JOIN api_tokens t ON t.id = r.token_id
   WHERE r.id = $1::uuid AND r.token_id = $2::uuid`;

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
  const row = uuidPattern.test(runnerId)
    ? (
        await db.query<{ name: string; labels: RunnerLabels; disconnected: boolean; revoked: boolean }>(selectRunner, [
          runnerId,
          tokenId,
        ])
      ).rows[0]
    : undefined;
  if (row?.revoked === true) throw new AppError('unauthenticated', 'this runner token was revoked');
  if (row === undefined || row.disconnected) throw runnerNotRegistered(runnerId);
  return row;
}

/** The 409 a runner gets when it must register (again) before it claims or reports. */
export function runnerNotRegistered(runnerId: string): AppError {
  return new AppError('conflict', `runner ${runnerId} is not registered with this token: register it first`, {
    register: '/api/v1/runner/sessions',
  });
}
