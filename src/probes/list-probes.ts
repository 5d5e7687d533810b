import { Type, type Static } from 'typebox';
import { notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { probeKindNames } from './probe-kinds.js';
import { probeColumns, toProbe, type Probe, type ProbeRow } from './probe-row.js';
import { probeStatuses } from './state/probe-state.js';

export const ListProbesQuery = Type.Object(
  {
    serviceId: Type.Optional(Type.String({ minLength: 1 })),
    kind: Type.Optional(Type.Enum(probeKindNames)),
    status: Type.Optional(Type.Enum(probeStatuses)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);
export type ListProbesQuery = Static<typeof ListProbesQuery>;

const filters = `WHERE ($1::text IS NULL OR service_id = $1) AND ($2::text IS NULL OR kind = $2) AND ($3::text IS NULL OR status = $3)`;

/** Probes by name, filtered by service, kind and status (viewer); credentials redacted. */
export async function listProbes({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ListProbesQuery;
}): Promise<{ items: Probe[]; total: number }> {
  requireRole(ctx, 'viewer');
  const params = [input.serviceId ?? null, input.kind ?? null, input.status ?? null];
  const [{ rows }, count] = await Promise.all([
    ctx.db.query<ProbeRow>(`SELECT ${probeColumns} FROM probes ${filters} ORDER BY name LIMIT $4 OFFSET $5`, [
      ...params,
      input.limit ?? 100,
      input.offset ?? 0,
    ]),
    ctx.db.query<{ total: number }>(`SELECT count(*)::int AS total FROM probes ${filters}`, params),
  ]);
  return { items: rows.map(toProbe), total: count.rows[0]?.total ?? 0 };
}

/** One probe (viewer). */
export async function getProbe({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<Probe> {
  requireRole(ctx, 'viewer');
  const { rows } = await ctx.db.query<ProbeRow>(`SELECT ${probeColumns} FROM probes WHERE id = $1::uuid`, [input.id]);
  if (rows[0] === undefined) throw notFound('probe', input.id);
  return toProbe(rows[0]);
}
