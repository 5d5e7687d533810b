/**
 * How a parameter value reaches a step: never as code, always as an environment variable named
 * after the parameter, which the rewritten code references (`"${ASTREINTE_P_task_id}"`).
 */

/** Prefix of every parameter variable; it keeps operator values apart from the step's own variables. */
export const parameterEnvPrefix = 'ASTREINTE_P_';

// The names the analyzer produces (`service-name` → `service_name`); anything else would not be a
// valid variable name, and a name we cannot reference safely must never reach the rewriter.
const namePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Whether `name` can be used as (the end of) a shell variable name. */
export function isParameterName(name: string): boolean {
  return namePattern.test(name);
}

/**
 * `task_id` → `ASTREINTE_P_task_id`. Throws on a name that is not a shell identifier: that is a
 * programming error (the analyzer normalises names), not an operator mistake.
 */
export function parameterEnvName(name: string): string {
  if (!isParameterName(name)) throw new Error(`Parameter name ${JSON.stringify(name)} is not a shell identifier`);
  return `${parameterEnvPrefix}${name}`;
}

/**
 * The environment variables that carry the operator's values to the step: `{ ASTREINTE_P_<name>: value }`.
 * A missing (undefined) value is left unset rather than empty, so `${X-default}` keeps its meaning.
 */
export function parameterEnvironment(values: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    // A NUL byte cannot be carried by an environment variable: spawning would fail later and less clearly.
    if (value.includes('\u0000')) throw new Error(`Parameter ${name} contains a NUL character`);
    environment[parameterEnvName(name)] = value;
  }
  return environment;
}
