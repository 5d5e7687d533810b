import type { LintFinding } from '../runbooks/lint/lint-model.js';
import type { ImportReport, RunbookDetail, RunbookSummary, RunbookVersion } from '../runbooks/runbook-api-model.js';
import { shortTime } from './cli-io.js';
import { formatFields, formatTable } from './format-table.js';

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Counts of lint findings: `1 error, 2 warnings`. */
export function formatLintCounts(findings: readonly LintFinding[]): string {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return `${plural(errors, 'error')}, ${plural(findings.length - errors, 'warning')}`;
}

/** One imported file: a summary line, then one line per runbook and draft. */
export function formatImportReport(file: string, report: ImportReport): string[] {
  const statuses = ['created', 'updated', 'restored', 'unchanged'] as const;
  const counts = statuses
    .map((status) => [status, report.runbooks.filter((r) => r.status === status).length] as const)
    .filter(([, n]) => n > 0);
  const newDrafts = report.drafts.filter((draft) => draft.status === 'created').length;
  const lines = [
    `${file}: ${plural(report.runbooks.length, 'runbook')}${counts.length > 0 ? ` (${counts.map(([s, n]) => `${n} ${s}`).join(', ')})` : ''}, ` +
      `${plural(report.drafts.length, 'draft')}${report.drafts.length > 0 ? ` (${newDrafts} new)` : ''}, ` +
      `${plural(report.leftovers.length, 'leftover')}, lint: ${formatLintCounts(report.lint)}`,
  ];
  if (report.decode.repairs.count > 0)
    lines.push(
      `  repaired ${plural(report.decode.repairs.count, 'garbled run')} (${report.decode.repairs.codepage ?? 'unknown codepage'})`,
    );
  for (const runbook of report.runbooks)
    lines.push(`  ${runbook.status.padEnd(9)} ${runbook.id} v${runbook.version}  "${runbook.title}"`);
  for (const draft of report.drafts)
    lines.push(`  draft ${draft.status === 'created' ? 'new' : 'known'}   ${draft.kind}  "${draft.title}"`);
  return lines;
}

/** Runbooks as a table. */
export function formatRunbookList(items: RunbookSummary[], total: number): string {
  if (items.length === 0) return total === 0 ? 'No runbooks.' : `No runbooks on this page (${total} in all).`;
  const table = formatTable(
    ['ID', 'KIND', 'SEV', 'VER', 'UPDATED', 'TITLE'],
    items.map((r) => [
      r.id,
      r.kind,
      r.severity ?? '-',
      String(r.currentVersion),
      shortTime(r.updatedAt),
      r.title + (r.deletedAt === null ? '' : ' (deleted)'),
    ]),
    { maxWidths: [50, undefined, undefined, undefined, undefined, 80] },
  );
  return items.length < total ? `${table}\n(${items.length} of ${total}; use --limit to see more)` : table;
}

/** One runbook: its fields, then its sections and steps. */
export function formatRunbook(runbook: RunbookDetail): string {
  const { structure } = runbook;
  const fields: [string, string][] = [
    ['Id', runbook.id],
    ['Title', runbook.title],
    ['Kind', runbook.kind],
    [
      'Version',
      `${runbook.version} of ${runbook.currentVersion} (${shortTime(runbook.versionCreatedAt)} by ${runbook.versionCreatedBy})`,
    ],
    ['Severity', structure.metadata.severity?.raw ?? '-'],
    ['Services', structure.metadata.services.join(', ') || '-'],
  ];
  if (runbook.deletedAt !== null)
    fields.push(['Deleted', `${shortTime(runbook.deletedAt)} by ${runbook.deletedBy ?? '?'}`]);
  const outline = structure.sections.flatMap((section) => [
    `## ${section.title} (${section.kind})`,
    ...section.steps.map(
      (step) =>
        `  ${step.id.padEnd(4)} ${step.kind.padEnd(7)} ${step.risk.padEnd(11)} ${step.title ?? firstLine(step.body)}`,
    ),
  ]);
  return [formatFields(fields), '', ...outline].join('\n');
}

/** Versions as a table. */
export function formatVersions(versions: RunbookVersion[]): string {
  return formatTable(
    ['VER', 'CREATED', 'BY', 'FILE'],
    versions.map((v) => [String(v.version), shortTime(v.createdAt), v.createdBy, v.filename]),
  );
}

/** A finding as `file:line rule message`, the form editors and CI annotate from. */
export function formatFinding(file: string, finding: LintFinding): string {
  const where =
    finding.runbookId === undefined
      ? ''
      : ` [${finding.runbookId}${finding.stepId === undefined ? '' : ` ${finding.stepId}`}]`;
  return `${file}:${finding.line} ${finding.rule} ${finding.severity}: ${finding.message}${where}`;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}
