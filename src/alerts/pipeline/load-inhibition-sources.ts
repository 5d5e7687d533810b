import type { Queryable } from '../../storage/database.js';
import type { Labels } from '../alert-model.js';
import type { FiringAlert, InhibitionRule } from '../matching/find-inhibitions.js';
import { inhibitionProbes } from '../matching/inhibition-probes.js';

/**
 * The firing alerts each probe could find, in one statement for the whole batch: every probe
 * is a containment lookup on `alerts_firing_labels` (GIN over the labels of firing alerts,
 * migration 018), the empty-or-absent names a filter on the few rows it returns.
 */
export const selectInhibitionCandidates = `
  SELECT candidate.id, candidate.fingerprint, candidate.labels
    FROM jsonb_to_recordset($1::jsonb) AS probe(contains jsonb, empty text[])
   CROSS JOIN LATERAL (
     SELECT alerts.id, alerts.fingerprint, alerts.labels FROM alerts
      WHERE alerts.status = 'firing' AND alerts.labels @> probe.contains
        AND NOT EXISTS (SELECT 1 FROM unnest(probe.empty) AS name WHERE alerts.labels ->> name <> '')
   ) AS candidate`;

/**
 * The stored firing alerts that may inhibit one of `targets` under `rules` — a superset of the
 * real sources, whose matchers `indexInhibitions` checks — instead of every firing alert: with
 * 100k alerts firing, a batch reads the few that share a target's `equal` labels. Each alert
 * comes once, however many probes found it.
 */
export async function loadInhibitionSources(
  db: Queryable,
  rules: readonly InhibitionRule[],
  targets: readonly Labels[],
): Promise<FiringAlert[]> {
  const probes = inhibitionProbes(rules, targets);
  if (probes.length === 0) return [];
  const { rows } = await db.query<{ id: string; fingerprint: string; labels: Labels }>(selectInhibitionCandidates, [
    JSON.stringify(probes),
  ]);
  const seen = new Set<string>();
  const sources: FiringAlert[] = [];
  for (const row of rows) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    sources.push({ id: row.fingerprint, labels: row.labels });
  }
  return sources;
}
