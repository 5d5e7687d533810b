import { Type, type Static } from 'typebox';
import type { Queryable } from '../storage/database.js';
import { SeveritySchema, type Severity } from '../incidents/incident-model.js';

export const SeverityPolicySchema = Type.Object(
  {
    severity: SeveritySchema,
    name: Type.String(),
    description: Type.String(),
    resolutionTargetMinutes: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    statusUpdateMinutes: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  },
  { title: 'SeverityPolicy' },
);
/** What a severity means and promises: its resolution target and status-update cadence. */
export type SeverityPolicy = Static<typeof SeverityPolicySchema>;

const selectSeverityPolicies = `
  SELECT severity, name, description, resolution_target_minutes, status_update_minutes
    FROM severity_policies ORDER BY severity`;

interface PolicyRow {
  [column: string]: unknown;
  severity: Severity;
  name: string;
  description: string;
  resolution_target_minutes: number | null;
  status_update_minutes: number | null;
}

/** Reads the four policies, keyed by severity. */
export async function loadSeverityPolicies(db: Queryable): Promise<Map<Severity, SeverityPolicy>> {
  const { rows } = await db.query<PolicyRow>(selectSeverityPolicies);
  return new Map(
    rows.map((row) => [
      row.severity,
      {
        severity: row.severity,
        name: row.name,
        description: row.description,
        resolutionTargetMinutes: row.resolution_target_minutes,
        statusUpdateMinutes: row.status_update_minutes,
      },
    ]),
  );
}

/** When an incident detected at `detectedAt` must be resolved by, or null when the severity sets no target. */
export function resolutionDueAt(policy: SeverityPolicy | undefined, detectedAt: Date): Date | null {
  const minutes = policy?.resolutionTargetMinutes ?? null;
  return minutes === null ? null : new Date(detectedAt.getTime() + minutes * 60_000);
}
