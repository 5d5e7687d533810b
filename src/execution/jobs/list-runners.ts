import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import { toRunner, type Runner, type RunnerRow } from './runner-model.js';

/** Runners heard of in the last week, and every one still connected. */
const selectRunners = `
  SELECT r.*, t.revoked_at IS NOT NULL AS token_revoked
    FROM runners r JOIN api_tokens t ON t.id = r.token_id
   WHERE r.last_seen_at > $1::timestamptz - interval '7 days' OR (r.disconnected_at IS NULL AND r.expires_at > $1)
   ORDER BY r.name, r.connected_at DESC`;

/**
 * The runners, connected first: name, labels, sandbox, last seen. Readable by every role — the
 * console warns everyone when steps run unsandboxed — though only admins manage runner tokens.
 */
export async function listRunners({ ctx }: { ctx: Ctx }): Promise<Runner[]> {
  requireRole(ctx, 'viewer');
  const now = ctx.now();
  const { rows } = await ctx.db.query<RunnerRow>(selectRunners, [now]);
  const runners = rows.map((row) => toRunner(row, now));
  return [...runners.filter((runner) => runner.connected), ...runners.filter((runner) => !runner.connected)];
}
