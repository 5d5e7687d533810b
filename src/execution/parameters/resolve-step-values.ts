import { AppError, validationError } from '../../core/app-error.js';
import type { Step } from '../../runbooks/runbook-model.js';
import type { FoundParameter } from '../../runbooks/steps/step-types.js';
import { minSecretLength } from '../redaction/create-redactor.js';
import type { ParameterRules } from './parameter-rules.js';
import { validateParameterValues } from './validate-parameter-values.js';

/** How the operator's values are read for one step. */
export interface ResolveStepValuesOptions {
  /** Values given for a whole section hold parameters of other steps too: keep only this step's. */
  ignoreUnknown?: boolean;
  /** Stored secrets by name: a secret parameter the operator leaves empty takes the one of its name. */
  secrets?: ReadonlyMap<string, string>;
  /** Configured values by name (the step variables): any other parameter left empty takes the one of its name. */
  defaults?: Readonly<Record<string, string>>;
  /** What values each parameter accepts (pattern, allowed values), from the step and the runbook's settings. */
  rules?: Readonly<ParameterRules>;
}

/** The values a step runs with, checked. */
export interface StepValues {
  /** By parameter name: the operator's values, then stored secrets and configured defaults for those left empty. */
  values: Record<string, string>;
  /** The step's parameters that hold secrets (masked in previews). */
  secretNames: string[];
  /** What to redact from the output: the secret values the operator gave, then every stored secret. */
  secrets: { name: string; value: string }[];
  /** The values of this step's own secret parameters: all a runner is given to redact (the server redacts the rest). */
  stepSecrets: { name: string; value: string }[];
}

/**
 * Checks a step and the operator's values before anything runs, the same way for every kind of
 * step: the deny list (a step matching it never runs here, whatever its risk), then each
 * parameter's value (all are required; a secret needs `minSecretLength` characters, since a shorter
 * one would be redacted everywhere it appears in the output). Throws `forbidden` or a validation
 * AppError naming each failing parameter; messages never repeat a value.
 */
export function resolveStepValues(
  step: Pick<Step, 'id' | 'body'>,
  parameters: readonly Pick<FoundParameter, 'name' | 'secret'>[],
  values: Readonly<Record<string, string>>,
  denied: readonly RegExp[],
  options: ResolveStepValuesOptions = {},
): StepValues {
  const match = denied.find((pattern) => pattern.test(step.body));
  if (match !== undefined) {
    throw new AppError('forbidden', `step ${step.id} matches the deny list (${match.source}): it never runs here`, {
      deniedBy: match.source,
    });
  }
  const specs = parameters.map((parameter) => ({
    name: parameter.name,
    required: true,
    secret: parameter.secret,
    pattern: options.rules?.[parameter.name]?.pattern ?? null,
    allowed: options.rules?.[parameter.name]?.allowed ?? null,
  }));
  const given =
    options.ignoreUnknown === true
      ? Object.fromEntries(Object.entries(values).filter(([name]) => specs.some((spec) => spec.name === name)))
      : values;
  const secretNames = parameters.filter((parameter) => parameter.secret).map((parameter) => parameter.name);
  const stored = options.secrets ?? new Map<string, string>();
  const own: Record<string, string> = { ...given };
  for (const { name, secret } of specs) {
    if (own[name] !== undefined) continue;
    const fallback = secret ? stored.get(name) : options.defaults?.[name];
    if (fallback !== undefined) own[name] = fallback;
  }
  const issues = validateParameterValues(specs, own);
  for (const name of secretNames) {
    const value = given[name];
    if (value !== undefined && [...value].length < minSecretLength)
      issues.push({
        path: `/parameters/${name}`,
        message: `a secret must have at least ${minSecretLength} characters`,
      });
  }
  if (issues.length > 0) throw validationError('parameter values are missing or invalid', issues);
  const usedSecrets = secretNames.flatMap((name) => {
    const value = given[name];
    return value === undefined ? [] : [{ name, value }];
  });
  // Every stored secret is redacted, not only those this step uses: a query may return one from elsewhere.
  const stepSecrets = secretNames.flatMap((name) => {
    const value = own[name];
    return value === undefined ? [] : [{ name, value }];
  });
  return {
    values: own,
    secretNames,
    secrets: [...usedSecrets, ...[...stored].map(([name, value]) => ({ name, value }))],
    stepSecrets,
  };
}
