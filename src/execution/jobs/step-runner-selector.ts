import { validationError } from '../../core/app-error.js';
import type { Step } from '../../runbooks/runbook-model.js';
import type { RunnerLabels } from './runner-model.js';
import { parseRunnerSelector } from './runner-selector.js';

/**
 * Which runners may run a step: its fence attribute (```` ```bash {"runner":"env=prod"} ````)
 * wins, else the runbook's execution settings, else any runner. A selector the runbook wrote
 * wrong is a 400 rather than a guess.
 */
export function stepRunnerSelector(step: Pick<Step, 'id' | 'attributes'>, runbookSelector: RunnerLabels): RunnerLabels {
  const written = step.attributes['runner'];
  if (written !== undefined) {
    const { labels, issues } = parseRunnerSelector(written, '/stepId');
    if (issues.length > 0)
      throw validationError(`step ${step.id} names its runner wrongly ("runner": ${JSON.stringify(written)})`, issues);
    return labels;
  }
  return runbookSelector;
}
