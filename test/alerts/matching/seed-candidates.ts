import type { Labels } from '../../../src/alerts/alert-model.js';
import type { AlertForMatching, RunbookCandidate } from '../../../src/alerts/matching/match-runbooks.js';
import type { AlertRulesData } from '../../../src/runbooks/extract/drafts/draft-data.js';
import { prepareRunbookImport } from '../../../src/runbooks/prepare-runbook-import.js';
import type { Draft, RunbookStructure } from '../../../src/runbooks/runbook-model.js';
import { seedBytes, seedFiles } from '../../support/seeds.js';

export { seedsAvailable } from '../../support/seeds.js';

/** A seed runbook as the matcher sees it, with the seed it came from. */
export interface SeedCandidate extends RunbookCandidate {
  seed: string;
}

/**
 * Every runbook of every seed, imported as the importer does it, made into match candidates:
 * services from its metadata, alert names and expressions from the alert-rule drafts written
 * inside it (a draft between two runbooks belongs to neither). Ids are made unique across
 * seeds by the seed number when two seeds give the same slug.
 */
export async function loadSeedCandidates(): Promise<SeedCandidate[]> {
  const candidates: SeedCandidate[] = [];
  for (const file of seedFiles()) {
    const seed = file.slice(0, 3);
    const prepared = await prepareRunbookImport({ filename: file, content: new Uint8Array(seedBytes(seed)) });
    prepared.extraction.runbooks.forEach((runbook, index) => {
      const slug = prepared.runbookIds[index]!;
      const id = candidates.some((candidate) => candidate.id === slug) ? `${slug}-${seed}` : slug;
      const alertNames = alertNamesOf(runbook, prepared.extraction.drafts);
      candidates.push({
        id,
        seed,
        title: runbook.title,
        symptoms: runbook.symptoms,
        services: runbook.metadata.services,
        alertNames,
      });
    });
  }
  return candidates;
}

function alertNamesOf(runbook: RunbookStructure, drafts: readonly Draft[]): string[] {
  const inside = drafts.filter(
    (draft) =>
      draft.kind === 'alert-rules' && draft.lines.start >= runbook.lines.start && draft.lines.end <= runbook.lines.end,
  );
  const names = inside.flatMap((draft) =>
    (draft.data as unknown as AlertRulesData).rules.flatMap((rule) => [rule.name, rule.expression ?? '']),
  );
  return [...new Set(names.filter((name) => name !== ''))];
}

/** An alert as Prometheus sends one: the summary is also the title. */
export function prometheusAlert(labels: Labels, annotations: Labels): AlertForMatching {
  return { title: annotations['summary'] ?? labels['alertname'] ?? '', labels, annotations };
}
