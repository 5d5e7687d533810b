import { Type, type Static } from 'typebox';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';

export const ListAuditLogQuery = Type.Object(
  {
    targetType: Type.Optional(Type.String({ minLength: 1, examples: ['incident'] })),
    targetId: Type.Optional(Type.String({ minLength: 1 })),
    actorId: Type.Optional(Type.String({ minLength: 1, description: 'user or integration id' })),
    action: Type.Optional(Type.String({ minLength: 1, examples: ['service.create'] })),
    since: Type.Optional(Type.String({ format: 'date-time', description: 'only entries at or after this instant' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);
export type ListAuditLogQuery = Static<typeof ListAuditLogQuery>;

export const AuditLogEntrySchema = Type.Object(
  {
    id: Type.Integer(),
    at: Type.String({ format: 'date-time' }),
    actor: Type.Object({
      type: Type.Union([
        Type.Literal('user'),
        Type.Literal('integration'),
        Type.Literal('runner'),
        Type.Literal('system'),
      ]),
      id: Type.Union([Type.String(), Type.Null()]),
      name: Type.String(),
    }),
    action: Type.String(),
    targetType: Type.String(),
    targetId: Type.Union([Type.String(), Type.Null()]),
    requestId: Type.Union([Type.String(), Type.Null()]),
    sourceIp: Type.Union([Type.String(), Type.Null()]),
    details: Type.Record(Type.String(), Type.Unknown()),
  },
  { title: 'AuditLogEntry' },
);
/** One write as the audit log recorded it: who, what, on which target, from which request. */
export type AuditLogEntry = Static<typeof AuditLogEntrySchema>;

interface AuditRow {
  [column: string]: unknown;
  id: number;
  at: Date;
  actor_type: AuditLogEntry['actor']['type'];
  actor_id: string | null;
  actor_name: string;
  action: string;
  target_type: string;
  target_id: string | null;
  request_id: string | null;
  source_ip: string | null;
  details: Record<string, unknown>;
}

const filters = `
   WHERE ($1::text IS NULL OR target_type = $1::text)
     AND ($2::text IS NULL OR target_id = $2::text)
     AND ($3::text IS NULL OR actor_id = $3::text)
     AND ($4::text IS NULL OR action = $4::text)
     AND ($5::timestamptz IS NULL OR at >= $5::timestamptz)`;

// Rows written by one transaction share `at` (the clock is frozen per operation): id breaks the tie.
const selectAuditLog = `
  SELECT id, at, actor_type, actor_id, actor_name, action, target_type, target_id, request_id, source_ip, details
    FROM audit_log ${filters} ORDER BY at DESC, id DESC LIMIT $6 OFFSET $7`;

const countAuditLog = `SELECT count(*)::int AS total FROM audit_log ${filters}`;

function toEntry(row: AuditRow): AuditLogEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { type: row.actor_type, id: row.actor_id, name: row.actor_name },
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    requestId: row.request_id,
    sourceIp: row.source_ip,
    details: row.details,
  };
}

/** The audit log, newest first, filtered by target, actor, action and time (admin). */
export async function listAuditLog({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ListAuditLogQuery;
}): Promise<{ items: AuditLogEntry[]; total: number }> {
  requireRole(ctx, 'admin');
  const params = [
    input.targetType ?? null,
    input.targetId ?? null,
    input.actorId ?? null,
    input.action ?? null,
    input.since === undefined ? null : new Date(input.since),
  ];
  const [{ rows }, count] = await Promise.all([
    ctx.db.query<AuditRow>(selectAuditLog, [...params, input.limit ?? 50, input.offset ?? 0]),
    ctx.db.query<{ total: number }>(countAuditLog, params),
  ]);
  return { items: rows.map(toEntry), total: count.rows[0]?.total ?? 0 };
}
