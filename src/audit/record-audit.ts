import { actorId } from '../core/actor.js';
import type { Ctx } from '../core/context.js';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string | null;
  details?: Record<string, unknown>;
}

const insertAuditRow = `
  INSERT INTO audit_log (at, actor_type, actor_id, actor_name, action, target_type, target_id, request_id, source_ip, details)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`;

/**
 * Writes one audit row on the operation's own transaction, so that the row exists exactly when
 * the write it describes was committed.
 */
export async function recordAudit(ctx: Ctx, entry: AuditEntry): Promise<void> {
  await ctx.db.query(insertAuditRow, [
    ctx.now(),
    ctx.actor.type,
    actorId(ctx.actor),
    ctx.actor.name,
    entry.action,
    entry.targetType,
    entry.targetId,
    ctx.requestId,
    ctx.origin?.ip ?? null,
    JSON.stringify(entry.details ?? {}),
  ]);
}

const insertAuditRows = `
  INSERT INTO audit_log (at, actor_type, actor_id, actor_name, action, target_type, target_id, request_id, source_ip, details)
  SELECT $1, $2, $3, $4, e.action, e.target_type, e.target_id, $5, $6, e.details
    FROM jsonb_to_recordset($7::jsonb) AS e(action text, target_type text, target_id text, details jsonb)`;

/**
 * Writes several audit rows of one operation in one statement (same actor, time and request). A
 * plain function scan yields the array in order, so ids follow the order of `entries`.
 */
export async function recordAudits(ctx: Ctx, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((entry) => ({
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    details: entry.details ?? {},
  }));
  await ctx.db.query(insertAuditRows, [
    ctx.now(),
    ctx.actor.type,
    actorId(ctx.actor),
    ctx.actor.name,
    ctx.requestId,
    ctx.origin?.ip ?? null,
    JSON.stringify(rows),
  ]);
}
