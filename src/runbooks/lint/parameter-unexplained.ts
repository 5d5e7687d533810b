import type { RunbookStructure } from '../runbook-model.js';
import type { RuleFinding, RunbookRule } from './lint-model.js';
import { stepLabel, stepsOf } from './lint-model.js';

/**
 * `parameter-unexplained` (warning): a step needs a value (`<task_id>`, `${REDIS_HOST}`) that the
 * runbook's prose never mentions, so the responder at 3 a.m. has to guess what to put there.
 * Reported once per parameter, at its first use.
 */
export const parameterUnexplained: RunbookRule = (runbook) => {
  const prose = proseOf(runbook);
  const reported = new Set<string>();
  const findings: RuleFinding[] = [];
  for (const { step } of stepsOf(runbook)) {
    for (const parameter of step.parameters) {
      if (reported.has(parameter.name)) continue;
      if (parameter.description !== null && parameter.description.trim() !== '') continue;
      if (mentions(prose, parameter.name) || mentions(prose, parameter.token)) continue;
      reported.add(parameter.name);
      findings.push({
        rule: 'parameter-unexplained',
        severity: 'warning',
        stepId: step.id,
        line: step.lines.start,
        message: `parameter ${parameter.token} of ${stepLabel(step)} is not explained anywhere in the runbook's text`,
      });
    }
  }
  return findings;
};

/** Everything a person reads rather than runs: section prose, titles, manual steps, symptoms, impact. */
function proseOf(runbook: RunbookStructure): string {
  const parts = [runbook.metadata.impact ?? '', ...runbook.symptoms.map((symptom) => symptom.text)];
  for (const section of runbook.sections) {
    parts.push(section.title, section.text);
    for (const step of section.steps) {
      if (step.title !== null) parts.push(step.title);
      if (step.kind === 'manual') parts.push(step.body);
    }
  }
  return normalise(parts.join('\n'));
}

/** Case, `_`, `-` and spacing do not matter: `TASK_ID` is explained by "the task id". */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[_\-\s]+/g, ' ');
}

function mentions(prose: string, term: string): boolean {
  const wanted = normalise(term).trim();
  return wanted !== '' && prose.includes(wanted);
}
