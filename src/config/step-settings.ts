/**
 * The step settings written as text in the configuration (one item per line or comma), parsed
 * into what the executor uses. Each parser reports every bad item with its line, so that
 * `loadConfig` can refuse a bad configuration at start rather than fail on the first step.
 */

/** Result of parsing: the value, or the problems found (one message per bad item). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

const variableName = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The deny list: one regular expression per line, blank lines ignored. Each is compiled in
 * multiline mode, so `^` and `$` match at every line of a step's code.
 */
export function parseDenyList(text: string): Parsed<RegExp[]> {
  const patterns: RegExp[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      patterns.push(new RegExp(line, 'm'));
    } catch (error) {
      problems.push(
        `line ${index + 1} is not a regular expression (${(error as Error).message.replace(/^Invalid regular expression: /, '')})`,
      );
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: patterns };
}

/**
 * Variables added to every step's environment: `NAME=value` lines (blank lines and `#` comments
 * ignored). A value is taken as written, spaces included: the environment needs no quoting.
 */
export function parseStepEnvironment(text: string): Parsed<Record<string, string>> {
  const env: Record<string, string> = {};
  const problems: string[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const equals = line.indexOf('=');
    const name = equals === -1 ? line.trim() : line.slice(0, equals).trim();
    if (equals === -1 || !variableName.test(name)) {
      problems.push(`line ${index + 1} must be NAME=value with NAME a shell variable name`);
    } else if (name.startsWith('ASTREINTE_P_')) {
      problems.push(`line ${index + 1}: ASTREINTE_P_… names are reserved for step parameters`);
    } else {
      env[name] = line.slice(equals + 1);
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: env };
}

/** Names of server environment variables steps may use as secrets: comma- or space-separated. */
export function parseSecretEnvNames(text: string): Parsed<string[]> {
  const names = text.split(/[\s,]+/).filter((name) => name !== '');
  const bad = names.filter((name) => !variableName.test(name));
  return bad.length > 0
    ? { ok: false, problems: bad.map((name) => `${JSON.stringify(name)} is not an environment variable name`) }
    : { ok: true, value: [...new Set(names)] };
}

/** The value of a setting that `loadConfig` already checked. */
export function parsedValue<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(`unchecked step setting: ${parsed.problems.join('; ')}`);
  return parsed.value;
}
