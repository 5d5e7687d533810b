import { Type, type Static } from 'typebox';

/** Labels a runner declares (`env=prod`, `site=eu`); a step's selector names the ones it needs. */
export type RunnerLabels = Record<string, string>;

export const labelNamePattern = '^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$';
export const RunnerLabelsSchema = Type.Record(
  Type.String({ pattern: labelNamePattern }),
  Type.String({ minLength: 1, maxLength: 200 }),
);

/** How a runner keeps steps away from itself and its host. */
export const runnerSandboxes = ['bwrap', 'none'] as const;
export type RunnerSandbox = (typeof runnerSandboxes)[number];

export const RunnerSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    labels: RunnerLabelsSchema,
    sandbox: Type.Enum(runnerSandboxes, {
      description: "bwrap: steps run in a bubblewrap sandbox; none: as the runner's own user, unconfined",
    }),
    hostname: Type.String(),
    version: Type.String(),
    capacity: Type.Integer({ description: 'steps it runs at once' }),
    tokenId: Type.String(),
    connected: Type.Boolean({ description: 'heard of within its heartbeat window, token valid, not stopped' }),
    connectedAt: Type.String({ format: 'date-time' }),
    lastSeenAt: Type.String({ format: 'date-time' }),
    disconnectedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { title: 'Runner' },
);
export type Runner = Static<typeof RunnerSchema>;

export interface RunnerRow {
  [column: string]: unknown;
  id: string;
  token_id: string;
  name: string;
  labels: RunnerLabels;
  sandbox: RunnerSandbox;
  hostname: string;
  version: string;
  capacity: number;
  connected_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  disconnected_at: Date | null;
  token_revoked: boolean;
}

export function toRunner(row: RunnerRow, now: Date): Runner {
  return {
    id: row.id,
    name: row.name,
    labels: row.labels,
    sandbox: row.sandbox,
    hostname: row.hostname,
    version: row.version,
    capacity: row.capacity,
    tokenId: row.token_id,
    connected: row.disconnected_at === null && !row.token_revoked && row.expires_at > now,
    connectedAt: row.connected_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    disconnectedAt: row.disconnected_at?.toISOString() ?? null,
  };
}

/**
 * Live runners whose labels hold a selector, as an SQL condition on `e.runner_selector` (the
 * step execution) at the instant `$now`: a queued step none of them can take is said to wait.
 */
export const liveRunnerFor = (now: string): string => `EXISTS (
  SELECT 1 FROM runners r JOIN api_tokens t ON t.id = r.token_id
   WHERE r.disconnected_at IS NULL AND r.expires_at > ${now} AND t.revoked_at IS NULL AND r.labels @> e.runner_selector)`;
