import type { Queryable } from '../../storage/database.js';
import type { IngestIntegration } from '../integrations/integration-keys.js';
import { alertGroupOf } from './alert-group-key.js';
import { selectOpenGroups } from './alert-inbox-statements.js';
import type { AlertSubmission } from './ingest-alerts.js';

/** The groups a request's triggers feed (a resolve alone opens nothing). */
export function triggerGroupsOf({ integration, alerts }: AlertSubmission): string[] {
  const groups = new Set<string>();
  for (const alert of alerts)
    if (alert.action === 'trigger') groups.add(alertGroupOf(integration.settings, alert).groupKey);
  return [...groups];
}

/**
 * Which of these groups have an incident they could join (open, younger than the group window):
 * the others' next trigger opens an incident and pages. One indexed read.
 */
export async function openGroupsAmong(
  db: Queryable,
  integration: IngestIntegration,
  groups: readonly string[],
  now: Date,
): Promise<Set<string>> {
  if (groups.length === 0) return new Set();
  const { rows } = await db.query<{ group_key: string }>(selectOpenGroups, [
    integration.id,
    groups,
    now,
    integration.settings.groupWindowMinutes,
  ]);
  return new Set(rows.map((row) => row.group_key));
}
