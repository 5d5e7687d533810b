import type { Queryable } from '../../storage/database.js';
import type { RunbookMetadata, Symptom } from '../../runbooks/runbook-model.js';
import type { RunbookCandidate } from '../matching/match-runbooks.js';

const selectRunbookEvidence = `
  SELECT r.id, r.title, v.structure->'symptoms' AS symptoms, v.structure->'metadata' AS metadata
    FROM runbooks r JOIN runbook_versions v ON v.runbook_id = r.id AND v.version = r.current_version
   WHERE r.deleted_at IS NULL`;

/** Changes whenever a runbook is imported, changed, deleted or restored, on any node. */
const selectCatalogueStamp = `SELECT count(*)::int AS n, max(updated_at) AS updated, max(deleted_at) AS deleted FROM runbooks`;

/**
 * What alerts are matched against: each current runbook's title, symptoms, services and the
 * alert names its front matter gives (`alert:` / `alerts:`). Read again only when the runbooks
 * changed (one tiny query tells): a storm of alerts must not re-read every runbook.
 */
export class RunbookCatalogue {
  private cached: { candidates: RunbookCandidate[]; stamp: string } | null = null;

  async candidates(db: Queryable): Promise<RunbookCandidate[]> {
    const { rows: stamps } = await db.query<{ n: number; updated: Date | null; deleted: Date | null }>(
      selectCatalogueStamp,
    );
    const stamp = JSON.stringify(stamps[0] ?? null);
    if (this.cached !== null && this.cached.stamp === stamp) return this.cached.candidates;
    const { rows } = await db.query<{ id: string; title: string; symptoms: Symptom[]; metadata: RunbookMetadata }>(
      selectRunbookEvidence,
    );
    const candidates = rows.map((row) => ({
      id: row.id,
      title: row.title,
      symptoms: row.symptoms,
      services: row.metadata.services,
      alertNames: alertNamesOf(row.metadata.frontMatter),
    }));
    this.cached = { candidates, stamp };
    return candidates;
  }
}

function alertNamesOf(frontMatter: Record<string, unknown>): string[] {
  const names: string[] = [];
  for (const key of ['alert', 'alerts', 'alertname']) {
    const value = frontMatter[key];
    if (typeof value === 'string') names.push(value);
    if (Array.isArray(value)) names.push(...value.filter((item): item is string => typeof item === 'string'));
  }
  return names;
}
