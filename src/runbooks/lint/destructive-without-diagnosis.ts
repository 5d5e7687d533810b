import type { Section, Step } from '../runbook-model.js';
import type { RuleFinding, RunbookRule } from './lint-model.js';
import { stepLabel, stepsOf } from './lint-model.js';

/** Sections whose steps look before they act, whatever their commands. */
const diagnosisSections = new Set<Section['kind']>(['diagnosis', 'detection', 'symptoms']);

/** A manual step that says it looks at something ("Check the logs", "Vérifier le dashboard"). */
const lookingWords =
  /\b(?:check|look|inspect|confirm|identify|find|v[ée]rifi|regard|consult|contr[ôo]l|identifi|observ)/i;

/**
 * `destructive-without-diagnosis` (error): a destructive step (deletes, restarts, flushes …) with
 * no read-only or diagnosis step before it: the runbook acts before it looks.
 */
export const destructiveWithoutDiagnosis: RunbookRule = (runbook) => {
  let looked = false;
  const findings: RuleFinding[] = [];
  for (const { step, section } of stepsOf(runbook)) {
    if (step.risk === 'destructive' && !looked) {
      findings.push({
        rule: 'destructive-without-diagnosis',
        severity: 'error',
        stepId: step.id,
        line: step.lines.start,
        message: `${stepLabel(step)} is destructive and comes before any read-only or diagnosis step`,
      });
    }
    if (looks(step, section)) looked = true;
  }
  return findings;
};

/**
 * Manual steps are rated read-only whatever they say, so only the ones that say they look count;
 * code counts when its analysis found it read-only.
 */
function looks(step: Step, section: Section): boolean {
  if (diagnosisSections.has(section.kind)) return true;
  if (step.kind === 'manual') return lookingWords.test(`${step.title ?? ''} ${step.body}`);
  return step.risk === 'read-only';
}
