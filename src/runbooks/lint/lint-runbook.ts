import type { Extraction, RunbookStructure } from '../runbook-model.js';
import { assignSlugs } from '../slugify-title.js';
import { destructiveWithoutDiagnosis } from './destructive-without-diagnosis.js';
import { inlineSecret } from './inline-secret.js';
import type { LintContext, LintFinding, RunbookRule } from './lint-model.js';
import { noVerification } from './no-verification.js';
import { parameterUnexplained } from './parameter-unexplained.js';
import { placeholderContact, placeholderContactDrafts } from './placeholder-contact.js';
import { unknownService } from './unknown-service.js';

/** Every rule over one runbook, in the order findings are listed for one line. */
export const runbookRules: readonly RunbookRule[] = [
  inlineSecret,
  destructiveWithoutDiagnosis,
  noVerification,
  parameterUnexplained,
  placeholderContact,
  unknownService,
];

/** The findings of every rule on one runbook, by line; `runbookId` tags each finding. */
export function lintRunbook(runbook: RunbookStructure, context: LintContext, runbookId?: string): LintFinding[] {
  const findings = runbookRules.flatMap((rule) => rule(runbook, context));
  return byLine(findings.map((finding) => (runbookId === undefined ? finding : { ...finding, runbookId })));
}

/**
 * The findings on everything one file gave: each runbook (tagged with its id — by default the
 * slug it would be imported under) and the file's drafts, once.
 */
export function lintExtraction(
  extraction: Extraction,
  context: LintContext,
  runbookIds?: readonly string[],
): LintFinding[] {
  const ids = runbookIds ?? assignSlugs(extraction.runbooks.map((runbook) => runbook.title));
  const findings = extraction.runbooks.flatMap((runbook, index) => lintRunbook(runbook, context, ids[index]));
  return byLine([...findings, ...placeholderContactDrafts(extraction.drafts)]);
}

/** Errors first on one line; otherwise source order (stable). */
function byLine(findings: LintFinding[]): LintFinding[] {
  return [...findings].sort(
    (a, b) => a.line - b.line || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}

/** Whether any finding fails the lint (exit status 1 of `astreinte runbook lint`). */
export function hasErrors(findings: readonly LintFinding[]): boolean {
  return findings.some((finding) => finding.severity === 'error');
}
