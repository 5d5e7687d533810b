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
