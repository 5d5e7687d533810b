import type { Ctx } from '../../core/context.js';
import {
  findInhibitions,
  indexInhibitions,
  type InhibitionIndex,
  type InhibitionRule,
} from '../matching/find-inhibitions.js';
import { findSilences, type SilenceWindow } from '../matching/find-silences.js';
import type { LabelMatcher } from '../matching/label-matchers.js';
import { loadInhibitionSources } from './load-inhibition-sources.js';
import type { PlannedAlert } from './plan-alert.js';

/** Why an alert is stored without paging; null when it pages. */
export interface Suppression {
  silences?: string[];
  maintenance?: string[];
  inhibitedBy?: { ruleId: string; source: string };
}

/** What mutes alerts at the instant of one flush. */
export interface Suppressions {
  of(alert: PlannedAlert): Suppression | null;
}

// Read once per flush: the partial indexes on the unexpired ones' `ends_at` (migration 005) make
// each a range scan of those still to end, however many have ended before.
export const selectActiveSilences = `
  SELECT id, matchers, starts_at, ends_at FROM silences
   WHERE expired_at IS NULL AND starts_at <= $1 AND ends_at > $1`;
export const selectActiveMaintenance = `
  SELECT id, service_id FROM maintenance_windows
   WHERE cancelled_at IS NULL AND starts_at <= $1 AND ends_at > $1`;
const selectInhibitRules = `SELECT id, source_matchers, target_matchers, equal_labels FROM inhibit_rules`;

/**
 * Reads the active silences, maintenance windows and inhibition rules once per flush (the first
 * two are few: each read is a range on the partial index of the unexpired ones' `ends_at`).
 * Sources of inhibition are the alerts firing in the database, muted or not (as in
 * Alertmanager), and the triggers of this flush; of the stored ones only the candidates sharing
 * a trigger's `equal` labels are read (`loadInhibitionSources`), never all. A muted alert
 * is stored and visible; it only does not page. (An alert muted by a source that later resolves
 * pages at its next repeat: Prometheus re-sends firing alerts every minute or so.)
 */
export async function loadSuppressions(ctx: Ctx, now: Date, planned: readonly PlannedAlert[]): Promise<Suppressions> {
  const silences = (
    await ctx.db.query<{ id: string; matchers: LabelMatcher[]; starts_at: Date; ends_at: Date }>(selectActiveSilences, [
      now,
    ])
  ).rows.map((row): SilenceWindow => ({
    id: row.id,
    matchers: row.matchers,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
  }));
  const maintenance = new Map<string, string[]>();
  for (const row of (await ctx.db.query<{ id: string; service_id: string }>(selectActiveMaintenance, [now])).rows) {
    maintenance.set(row.service_id, [...(maintenance.get(row.service_id) ?? []), row.id]);
  }
  const rules = (
    await ctx.db.query<{
      id: string;
      source_matchers: LabelMatcher[];
      target_matchers: LabelMatcher[];
      equal_labels: string[];
    }>(selectInhibitRules)
  ).rows;
  let inhibitions: InhibitionIndex | null = null;
  if (rules.length > 0) {
    const inhibitRules = rules.map((rule): InhibitionRule => ({
      id: rule.id,
      sourceMatchers: rule.source_matchers,
      targetMatchers: rule.target_matchers,
      equal: rule.equal_labels,
    }));
    const incoming = planned.filter((entry) => entry.alert.action === 'trigger');
    const stored = await loadInhibitionSources(
      ctx.db,
      inhibitRules,
      incoming.map((entry) => entry.alert.labels),
    );
    inhibitions = indexInhibitions(inhibitRules, [
      ...stored,
      ...incoming.map((entry) => ({ id: entry.alert.fingerprint, labels: entry.alert.labels })),
    ]);
  }
  return {
    of(entry: PlannedAlert): Suppression | null {
      const suppression: Suppression = {};
      const silencing = silences.length === 0 ? [] : findSilences(silences, entry.alert.labels, now);
      if (silencing.length > 0) suppression.silences = silencing;
      const windows = entry.serviceId === null ? undefined : maintenance.get(entry.serviceId);
      if (windows !== undefined) suppression.maintenance = windows;
      const inhibition =
        inhibitions === null
          ? undefined
          : findInhibitions(inhibitions, entry.alert.labels).find(
              (found) => found.sourceId !== entry.alert.fingerprint,
            );
      if (inhibition !== undefined)
        suppression.inhibitedBy = { ruleId: inhibition.ruleId, source: inhibition.sourceId };
      return Object.keys(suppression).length === 0 ? null : suppression;
    },
  };
}
