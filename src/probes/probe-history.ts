import { Type, type Static } from 'typebox';
import { notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';

export const ProbeResultsQuery = Type.Object(
  {
    since: Type.Optional(
      Type.String({ format: 'date-time', description: 'results from this instant on; default: the last 24 hours' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 500 })),
  },
  { additionalProperties: false },
);
export type ProbeResultsQuery = Static<typeof ProbeResultsQuery>;

export interface ProbeResult {
  scheduledAt: string;
  startedAt: string;
  success: boolean;
  latencyMs: number;
  detail: string | null;
}

/** Uptime and latency over a window, from the hourly figures (whole hours: the current one counts so far). */
export interface UptimeWindow {
  window: '24h' | '7d' | '30d' | '90d';
  checks: number;
  failures: number;
  /** Percent of checks that passed, null without checks. */
  uptimePercent: number | null;
  averageLatencyMs: number | null;
  maxLatencyMs: number | null;
}

async function assertProbe(ctx: Ctx, id: string): Promise<void> {
  const { rows } = await ctx.db.query('SELECT 1 FROM probes WHERE id = $1::uuid', [id]);
  if (rows.length === 0) throw notFound('probe', id);
}

/** A probe's recent checks, newest first (viewer): for charts of latency and status. */
export async function listProbeResults({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & ProbeResultsQuery;
}): Promise<ProbeResult[]> {
  requireRole(ctx, 'viewer');
  await assertProbe(ctx, input.id);
  const since = input.since === undefined ? new Date(ctx.now().getTime() - 86_400_000) : new Date(input.since);
  const { rows } = await ctx.db.query<{
    scheduled_at: Date;
    started_at: Date;
    success: boolean;
    latency_ms: number;
    detail: string | null;
  }>(
    `SELECT scheduled_at, started_at, success, latency_ms, detail FROM probe_results
      WHERE probe_id = $1::uuid AND scheduled_at >= $2 ORDER BY scheduled_at DESC LIMIT $3`,
    [input.id, since, input.limit ?? 500],
  );
  return rows.map((row) => ({
    scheduledAt: row.scheduled_at.toISOString(),
    startedAt: row.started_at.toISOString(),
    success: row.success,
    latencyMs: row.latency_ms,
    detail: row.detail,
  }));
}

const windows = [
  ['24h', 1],
  ['7d', 7],
  ['30d', 30],
  ['90d', 90],
] as const;

/** A probe's uptime percentages and latency over 24 hours, 7, 30 and 90 days (viewer). */
export async function getProbeUptime({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<UptimeWindow[]> {
  requireRole(ctx, 'viewer');
  await assertProbe(ctx, input.id);
  const now = ctx.now().getTime();
  const { rows } = await ctx.db.query<{
    window: string;
    checks: number;
    failures: number;
    latency_sum: number;
    latency_max: number | null;
  }>(
    `SELECT w.name AS window, coalesce(sum(h.checks), 0)::int AS checks, coalesce(sum(h.failures), 0)::int AS failures,
            coalesce(sum(h.latency_sum), 0)::float8 AS latency_sum, max(h.latency_max) AS latency_max
       FROM json_to_recordset($2::json) AS w(name text, since timestamptz)
       LEFT JOIN probe_hourly h ON h.probe_id = $1::uuid AND h.hour >= w.since
      GROUP BY w.name`,
    [
      input.id,
      JSON.stringify(
        windows.map(([name, days]) => ({
          name,
          since: new Date(Math.floor((now - days * 86_400_000) / 3_600_000) * 3_600_000 + 3_600_000),
        })),
      ),
    ],
  );
  const byName = new Map(rows.map((row) => [row.window, row]));
  return windows.map(([window]) => {
    const row = byName.get(window);
    const checks = row?.checks ?? 0;
    const failures = row?.failures ?? 0;
    return {
      window,
      checks,
      failures,
      uptimePercent: checks === 0 ? null : Math.round((10_000 * (checks - failures)) / checks) / 100,
      averageLatencyMs: checks === 0 ? null : Math.round((row?.latency_sum ?? 0) / checks),
      maxLatencyMs: row?.latency_max ?? null,
    };
  });
}
