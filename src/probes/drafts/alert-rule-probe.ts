import type { AlertRule } from '../../runbooks/extract/drafts/draft-data.js';
import type { Queryable } from '../../storage/database.js';
import type { CreateProbeInput } from '../probe-input.js';

export const probeSeverities = ['P1', 'P2', 'P3', 'P4'] as const;
type Severity = (typeof probeSeverities)[number];

/** Severity words of alert rules (`critical`, `warning`, `P2`), as probe severities; null when unknown. */
function severityOf(written: string | null): Severity | null {
  const word = written?.trim().toLowerCase() ?? '';
  const level = probeSeverities.find((candidate) => candidate.toLowerCase() === word);
  if (level !== undefined) return level;
  if (/^(critical|critique|crit|urgent|page)$/.test(word)) return 'P1';
  if (/^(high|haute?|major|majeure?|error)$/.test(word)) return 'P2';
  if (/^(warning|warn|medium|moyenne?|minor|mineure?)$/.test(word)) return 'P3';
  if (/^(low|basse?|info|informational)$/.test(word)) return 'P4';
  return null;
}

/**
 * The runbook a draft was found in, for the probes' `runbook` label: a draft titled
 * `Base de Données Down › Monitoring` sits in the runbook of that title (from its import
 * preferably); an untitled one, in the only runbook of its file when the file has one.
 */
export async function runbookOfDraft(
  db: Queryable,
  draft: { title: string; sourceId: string },
): Promise<string | null> {
  const separator = draft.title.indexOf(' › ');
  const { rows } = await db.query<{ id: string }>(
    `SELECT r.id FROM runbooks r JOIN runbook_versions v ON v.runbook_id = r.id AND v.version = r.current_version
      WHERE r.deleted_at IS NULL AND ($1::text IS NULL OR r.title = $1) AND ($1::text IS NOT NULL OR v.source_id = $2::uuid)
      ORDER BY (v.source_id = $2::uuid) DESC, r.id LIMIT 2`,
    [separator === -1 ? null : draft.title.slice(0, separator), draft.sourceId],
  );
  // Without a title to go by, only a file of one runbook says which.
  return separator === -1 && rows.length > 1 ? null : (rows[0]?.id ?? null);
}

/**
 * The probe of one PromQL rule: the expression as its query, no condition (every series returned
 * is active, as in a Prometheus rule), failing for the rule's `for` before it alerts. Its
 * severity: the one chosen for every probe, else the rule's written one, else the probes' default.
 */
export function probeOfRule(
  rule: AlertRule,
  name: string,
  choices: { prometheusUrl?: string; serviceId?: string; severity?: Severity },
  runbookId: string | null,
): CreateProbeInput {
  const severity = choices.severity ?? severityOf(rule.severity);
  return {
    name,
    target: {
      kind: 'prometheus',
      query: (rule.expression ?? '').trim(),
      ...(choices.prometheusUrl === undefined ? {} : { url: choices.prometheusUrl }),
    },
    conditions: [],
    ...(severity === null ? {} : { severity }),
    ...(choices.serviceId === undefined ? {} : { serviceId: choices.serviceId }),
    ...(runbookId === null ? {} : { labels: { runbook: runbookId } }),
    forSeconds: Math.min(86_400, Math.max(0, Math.round((rule.forMinutes ?? 0) * 60))),
  };
}
