/**
 * The runbook shapes the console reads: the server's own types, imported as types only (erased
 * from the bundle, and the console cannot drift from the schemas the server answers with).
 */
import type { TemplateDraftAdoption } from '../../../src/notifications/store/adopt-template-draft.js';
import type { AlertRulesAdoption } from '../../../src/probes/drafts/adopt-alert-rules-draft.js';
import type { DraftAdoption } from '../../../src/runbooks/draft-adoption.js';
import type { DraftAdoptionPreview } from '../../../src/runbooks/preview-draft-adoption.js';
import type {
  ImportReport,
  RunbookDetail,
  RunbookDiff,
  RunbookDraft,
  RunbookLint,
  RunbookSummary,
  RunbookVersion,
} from '../../../src/runbooks/runbook-api-model.js';
import type { RiskLevel, Step } from '../../../src/runbooks/runbook-model.js';
import type { EscalationPolicyData, PostmortemTemplateData } from '../../../src/runbooks/extract/drafts/draft-data.js';
import type { LintFinding } from '../../../src/runbooks/lint/lint-model.js';

export type {
  AlertRulesAdoption,
  DraftAdoption,
  DraftAdoptionPreview,
  EscalationPolicyData,
  ImportReport,
  LintFinding,
  PostmortemTemplateData,
  RiskLevel,
  RunbookDetail,
  RunbookDiff,
  RunbookDraft,
  RunbookLint,
  RunbookSummary,
  RunbookVersion,
  Step,
  TemplateDraftAdoption,
};

/** The console path of a runbook, at one version when given. */
export function runbookPath(id: string, version?: number): string {
  const path = `/runbooks/${encodeURIComponent(id)}`;
  return version === undefined ? path : `${path}?version=${version}`;
}

/** The API path of a runbook (`/api/v1/runbooks/:id`) and of what hangs below it. */
export function runbookApiPath(id: string, below = ''): string {
  return `/api/v1/runbooks/${encodeURIComponent(id)}${below}`;
}

/** A positive integer from a query parameter, or undefined (absent, empty or nonsense). */
export function positiveInt(value: string | null): number | undefined {
  if (value === null || !/^[1-9]\d*$/.test(value)) return undefined;
  return Number(value);
}

/** The id the browser gives a source line, so lint findings and steps can link to it. */
export function sourceLineId(line: number): string {
  return `source-line-${line}`;
}

/**
 * The repairs of a file with the same change counted once, and the lines it happened on:
 * "Ã© → é" on forty lines reads better as one row than as forty.
 */
export function groupRepairs(
  examples: ImportReport['decode']['repairs']['examples'],
): { from: string; to: string; lines: number[] }[] {
  const groups = new Map<string, { from: string; to: string; lines: number[] }>();
  for (const { from, to, line } of examples) {
    const key = `${from}\u0000${to}`;
    const group = groups.get(key) ?? { from, to, lines: [] };
    if (!group.lines.includes(line)) group.lines.push(line);
    groups.set(key, group);
  }
  return [...groups.values()];
}
