import type { Step } from '../runbook-model.js';
import type { RunbookRule } from './lint-model.js';
import { stepLabel, stepsOf } from './lint-model.js';

/**
 * `inline-secret` (error): a password, token or key written into a step's code. The runbook is
 * shared and versioned; the secret belongs in a parameter filled at run time.
 */
export const inlineSecret: RunbookRule = (runbook) =>
  stepsOf(runbook).flatMap(({ step }) =>
    step.inlineSecrets.map((secret) => ({
      rule: 'inline-secret' as const,
      severity: 'error' as const,
      stepId: step.id,
      line: secretLine(step, secret.line),
      message: `${stepLabel(step)} has a secret written in its code (${secret.reason}): use a parameter instead`,
    })),
  );

/**
 * The source line of a secret. The step analysis numbers a secret's line within the step's body
 * (1 = its first line); a fenced step's body starts on the line after the opening fence.
 */
function secretLine(step: Step, line: number): number {
  const firstBodyLine = step.lines.start + (step.kind === 'manual' ? 0 : 1);
  return Math.min(firstBodyLine + Math.max(line, 1) - 1, step.lines.end);
}
