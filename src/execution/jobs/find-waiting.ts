import type { Queryable } from '../../storage/database.js';
import type { RunnerLabels } from './runner-model.js';
import { describeSelector, labelsMatch } from './runner-selector.js';

const selectLiveLabels = `
  SELECT r.labels FROM runners r JOIN api_tokens t ON t.id = r.token_id
   WHERE r.disconnected_at IS NULL AND r.expires_at > $1 AND t.revoked_at IS NULL`;

/**
 * What a queued step waits for when no connected runner may take it ("a runner with env=prod"),
 * or null when one may: said at once rather than left to hang silently.
 */
export async function findWaiting(db: Queryable, selector: RunnerLabels, now: Date): Promise<string | null> {
  const { rows } = await db.query<{ labels: RunnerLabels }>(selectLiveLabels, [now]);
  return rows.some((row) => labelsMatch(row.labels, selector)) ? null : describeSelector(selector);
}
