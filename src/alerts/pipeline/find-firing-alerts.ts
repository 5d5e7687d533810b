import type { Ctx } from '../../core/context.js';
import { backendTraits } from '../../storage/backend-differences.js';
import { lockFiringAlerts, lockGroupKeys, selectFiringAlerts } from './alert-statements.js';
import type { PlannedAlert } from './plan-alert.js';

/** What is stored of a trigger's key: no firing alert, a firing alert in no incident, or its incident. */
export type FiringState = { stored: false } | { stored: true; incidentId: string | null };

/**
 * Reads, for each trigger of a flush, whether its alert is firing and in which incident, before
 * anything is written: that decides which alerts page, so each new one is inserted with its
 * incident. With other sessions (PostgreSQL), what is read must hold until commit:
 * - the groups of all the triggers are locked first (advisory locks, key order; the incident
 *   choice locks their rows after), so a flush of another node that pages one of these alerts
 *   has committed before this read, or waits for this flush: an alert is never paged twice;
 * - the firing rows read are locked, so none is resolved before the upsert repeats it.
 * PGlite runs one session: nothing can change between the read and the write.
 */
export async function findFiringAlerts(ctx: Ctx, triggers: readonly PlannedAlert[]): Promise<FiringState[]> {
  const concurrent = backendTraits[ctx.db.backend].concurrentSessions;
  if (concurrent) {
    const groups = [...new Set(triggers.map((entry) => `${entry.integration.id}:${entry.groupKey}`))].sort();
    await ctx.db.query(lockGroupKeys, [groups]);
  }
  const states: FiringState[] = triggers.map(() => ({ stored: false }));
  const { rows } = await ctx.db.query<{ n: number; incident_id: string | null }>(
    concurrent ? lockFiringAlerts : selectFiringAlerts,
    [triggers.map((entry) => entry.integration.id), triggers.map((entry) => entry.alert.fingerprint)],
  );
  for (const row of rows) states[Number(row.n) - 1] = { stored: true, incidentId: row.incident_id };
  return states;
}
