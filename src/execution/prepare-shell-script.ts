import { AppError, validationError } from '../core/app-error.js';
import type { Step } from '../runbooks/runbook-model.js';
import { analyzeCodeBlock } from '../runbooks/steps/analyze-code-block.js';
import { parameterEnvironment } from './parameters/parameter-environment.js';
import { renderDryRun } from './parameters/render-dry-run.js';
import { rewriteShellStep } from './parameters/rewrite-shell-step.js';
import { validateParameterValues } from './parameters/validate-parameter-values.js';
import { minSecretLength } from './redaction/create-redactor.js';

/** A shell step made ready to run with the operator's values. */
export interface PreparedScript {
  /** The rewritten step: it refers to values as `$ASTREINTE_P_…`, never holds them. */
  script: string;
  env: Record<string, string>;
  /** The command as it runs, values shown, secrets masked: for the timeline and the approver. */
  preview: string;
  secrets: { name: string; value: string }[];
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
  options: { ignoreUnknown?: boolean; secrets?: ReadonlyMap<string, string>; defaults?: Readonly<Record<string, string>> } = {},
): Promise<PreparedScript> {
  const match = denied.find((pattern) => pattern.test(step.body));
  if (match !== undefined) {
    throw new AppError('forbidden', `step ${step.id} matches the deny list (${match.source}): it never runs here`, { deniedBy: match.source });
  }
  const analysis = await analyzeCodeBlock({ lang: step.language, code: step.body, meta: null });
  const specs = analysis.parameters.map((parameter) => ({ name: parameter.name, required: true, secret: parameter.secret }));
  // Values given for a whole section hold parameters of other steps too: keep only this step's.
  const given = options.ignoreUnknown === true ? Object.fromEntries(Object.entries(values).filter(([name]) => specs.some((spec) => spec.name === name))) : values;
  const secretNames = analysis.parameters.filter((parameter) => parameter.secret).map((parameter) => parameter.name);
  const stored = options.secrets ?? new Map<string, string>();
  // A secret parameter the operator leaves empty takes the stored secret of that name; any other
  // takes the configured step variable of that name (`$KUBECONFIG` set for every step).
  const own: Record<string, string> = { ...given };
  for (const { name, secret } of specs) {
    if (own[name] !== undefined) continue;
    const fallback = secret ? stored.get(name) : options.defaults?.[name];
    if (fallback !== undefined) own[name] = fallback;
  }
  const issues = validateParameterValues(specs, own);
  for (const name of secretNames) {
    // A 1-character secret would redact every occurrence of that character from the output.
    const value = given[name];
    if (value !== undefined && [...value].length < minSecretLength) issues.push({ path: `/parameters/${name}`, message: `a secret must have at least ${minSecretLength} characters` });
  }
  if (issues.length > 0) throw validationError('parameter values are missing or invalid', issues);
  const usedSecrets = secretNames.flatMap((name) => (given[name] === undefined ? [] : [{ name, value: given[name]! }]));
  return {
    script: rewriteShellStep(step.body, analysis.parameters),
    env: parameterEnvironment(own),
    preview: renderDryRun(step.body, analysis.parameters, own, secretNames),
    // Every known secret is redacted, not only those this step uses: a command may print one from elsewhere.
    secrets: [...usedSecrets, ...[...stored].map(([name, value]) => ({ name, value }))],
  };
}
