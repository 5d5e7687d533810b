import type { Step } from '../runbooks/runbook-model.js';
import { analyzeCodeBlock } from '../runbooks/steps/analyze-code-block.js';
import { parameterEnvironment } from './parameters/parameter-environment.js';
import { renderDryRun } from './parameters/render-dry-run.js';
import { resolveStepValues, type ResolveStepValuesOptions } from './parameters/resolve-step-values.js';
import { rewriteShellStep } from './parameters/rewrite-shell-step.js';

/** A shell step made ready to run with the operator's values. */
export interface PreparedScript {
  /** The rewritten step: it refers to values as `$ASTREINTE_P_…`, never holds them. */
  script: string;
  env: Record<string, string>;
  /** The command as it runs, values shown, secrets masked: for the timeline and the approver. */
  preview: string;
  secrets: { name: string; value: string }[];
  /** The step's own secret values, for the runner's redaction. */
  stepSecrets: { name: string; value: string }[];
}

/**
 * Validates the values of a step's parameters and rewrites the step so that each value reaches
 * bash as one literal word. The parameters are read again from the step's code (the analysis is
 * deterministic), since the stored structure keeps their names but not their offsets.
 */
export async function prepareShellScript(
  step: Step,
  values: Readonly<Record<string, string>>,
  denied: readonly RegExp[],
  options: ResolveStepValuesOptions = {},
): Promise<PreparedScript> {
  const analysis = await analyzeCodeBlock({ lang: step.language, code: step.body, meta: null });
  const resolved = resolveStepValues(step, analysis.parameters, values, denied, options);
  return {
    script: rewriteShellStep(step.body, analysis.parameters),
    env: parameterEnvironment(resolved.values),
    preview: renderDryRun(step.body, analysis.parameters, resolved.values, resolved.secretNames),
    secrets: resolved.secrets,
    stepSecrets: resolved.stepSecrets,
  };
}
