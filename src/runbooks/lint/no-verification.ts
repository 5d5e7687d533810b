import type { RunbookRule } from './lint-model.js';
import { stepsOf } from './lint-model.js';

/** Words that name a check of the outcome, in French and English. */
const verificationWords = /v[ée]rif|verify|validat|contr[ôo]le|smoke.?test|post.?check/i;

/**
 * `no-verification` (warning): a runbook with steps but no way to tell that they worked — no
 * verification section, and no section or step titled as a verification.
 */
export const noVerification: RunbookRule = (runbook) => {
  const steps = stepsOf(runbook);
  if (steps.length === 0) return [];
  const verifies =
    runbook.sections.some((section) => section.kind === 'verification' || verificationWords.test(section.title)) ||
    steps.some(({ step }) => step.title !== null && verificationWords.test(step.title));
  if (verifies) return [];
  return [
    {
      rule: 'no-verification',
      severity: 'warning',
      line: runbook.lines.start,
      message: `"${runbook.title}" has ${steps.length} step(s) but no verification section or step: say how to check that it worked`,
    },
  ];
};
