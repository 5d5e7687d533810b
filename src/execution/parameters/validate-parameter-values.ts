import type { FieldIssue } from '../../core/app-error.js';

/** What the runbook says about one parameter of a step. */
export interface ParameterSpec {
  name: string;
  required: boolean;
  /** A regular expression the whole value must match (anchored here, not by the author). */
  pattern?: string | null;
  /** The only values accepted, when the runbook lists them. */
  allowed?: readonly string[] | null;
  secret: boolean;
}

// Linux refuses a single environment string over 128 KiB (MAX_ARG_STRLEN); half leaves room for the name.
const maxValueBytes = 64 * 1024;

/**
 * Checks the operator's values against the step's parameters and returns one issue per failing
 * field (`/parameters/<name>`), empty when all is well. Messages never repeat a value: they end up
 * in logs and the audit trail, and a secret must not.
 */
export function validateParameterValues(
  specs: readonly ParameterSpec[],
  values: Readonly<Record<string, unknown>>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const known = new Set(specs.map((spec) => spec.name));
  for (const name of Object.keys(values)) {
    if (!known.has(name)) issues.push({ path: pathOf(name), message: 'is not a parameter of this step' });
  }
  for (const spec of specs) {
    const message = problemWith(spec, values[spec.name]);
    if (message !== null) issues.push({ path: pathOf(spec.name), message });
  }
  return issues;
}

function problemWith(spec: ParameterSpec, value: unknown): string | null {
  if (value === undefined || value === null) return spec.required ? 'is required' : null;
  if (typeof value !== 'string') return 'must be a string';
  if (value === '') return spec.required ? 'is required' : null;
  if (value.includes('\u0000')) return 'must not contain a NUL character';
  if (Buffer.byteLength(value, 'utf8') > maxValueBytes) return `must not be longer than ${maxValueBytes} bytes`;
  if (spec.allowed !== undefined && spec.allowed !== null && !spec.allowed.includes(value)) {
    return spec.secret ? 'is not one of the allowed values' : `must be one of: ${spec.allowed.join(', ')}`;
  }
  if (spec.pattern !== undefined && spec.pattern !== null) {
    const pattern = compile(spec.pattern);
    if (pattern === null) return 'cannot be checked: the runbook gives an invalid pattern';
    if (!pattern.test(value)) return spec.secret ? 'does not have the expected format' : `must match ${spec.pattern}`;
  }
  return null;
}

/** Anchored so `[0-9]+` means the whole value, as authors expect; no `u` flag, which rejects `[\w-]`. */
function compile(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return null;
  }
}

/** JSON Pointer escaping (RFC 6901), for names the step does not define. */
function pathOf(name: string): string {
  return `/parameters/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
