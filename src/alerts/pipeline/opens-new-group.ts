import type { Queryable } from '../../storage/database.js';
import { alertGroupOf } from './alert-group-key.js';
import { selectOpenGroups } from './alert-inbox-statements.js';
import type { AlertSubmission } from './ingest-alerts.js';

/**
 * Whether a request holds a trigger of a group with no incident it could join (open, younger
 * than the group window): its first alert would open an incident and page. One indexed read.
 */
export async function opensNewGroup(
  db: Queryable,
  { integration, alerts }: AlertSubmission,
  now: Date,
): Promise<boolean> {
  const groups = new Set<string>();
  for (const alert of alerts)
    if (alert.action === 'trigger') groups.add(alertGroupOf(integration.settings, alert).groupKey);
  if (groups.size === 0) return false;
  const { rows } = await db.query<{ group_key: string }>(selectOpenGroups, [
    integration.id,
    [...groups],
    now,
    integration.settings.groupWindowMinutes,
  ]);
  return rows.length < groups.size;
}
