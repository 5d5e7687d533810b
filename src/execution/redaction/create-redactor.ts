/**
 * Redaction of secret values from command output before it reaches storage, the timeline, logs
 * or API answers. Each secret is matched in all its printed forms (see `secret-forms.ts`) by one
 * automaton, in a single pass over the text whatever the number of secrets.
 */
import { buildPatternAutomaton, type PatternAutomaton } from './pattern-automaton.js';
import { redactUpTo, type SecretMatch } from './redaction-spans.js';
import { secretForms } from './secret-forms.js';

/** Values shorter than this are refused: a 1-character "secret" would redact every `a`. */
export const minSecretLength = 4;

/** A secret to hide: `name` appears in the label, `value` never does. */
export interface NamedSecret {
  name: string;
  value: string;
}

/** The matching machinery shared with `createStreamRedactor`; other callers use `redact`. */
export interface RedactionEngine {
  readonly automaton: PatternAutomaton;
  /** Scans `text` from `from` in automaton `state`, appends the matches found, returns the new state. */
  collect(text: string, from: number, state: number, into: SecretMatch[]): number;
  /** The replacement for a span starting with this secret (index into the list given); passed around unbound. */
  label: (secret: number) => string;
}

export interface Redactor {
  /** `text` with every occurrence of every form of every secret replaced by `[REDACTED:<name>]`. */
  redact(text: string): string;
  /** Longest form matched, in UTF-16 code units: a stream holds back at most one less than this. */
  readonly maxMatchLength: number;
  readonly engine: RedactionEngine;
}

/**
 * Raised when a secret cannot be redacted safely. Carries the secret's name, never its value;
 * callers turn it into a 400 (`validationError`) on the parameter or store entry it came from.
 */
export class UnsafeSecretError extends Error {
  override readonly name = 'UnsafeSecretError';
  constructor(
    readonly secretName: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Builds a redactor for `secrets`. Throws `UnsafeSecretError` for a value shorter than
 * `minSecretLength` characters (code points), since redacting it would mangle ordinary output.
 *
 * Matching rules: among forms starting at the same place the longest wins (`password123` before
 * `password`); overlapping matches are replaced as one span, labelled after its first match (see
 * `redaction-spans.ts`), so no piece of either secret shows; two secrets with the same value are
 * labelled with the first name. Labels are not scanned again, so a value that happens to be part
 * of a label (a secret's name) shows there.
 */
export function createRedactor(secrets: readonly NamedSecret[]): Redactor {
  const labels: string[] = [];
  const patterns: string[] = [];
  const owners: number[] = [];
  secrets.forEach((secret, index) => {
    if ([...secret.value].length < minSecretLength) {
      throw new UnsafeSecretError(
        secret.name,
        `secret "${secret.name}" is too short to redact: values need at least ${minSecretLength} characters, ` +
          'a shorter one would be masked everywhere in the output',
      );
    }
    labels.push(`[REDACTED:${secret.name}]`);
    for (const form of secretForms(secret.value)) {
      patterns.push(form);
      owners.push(index);
    }
  });

  const automaton = buildPatternAutomaton(patterns);
  const lengths = automaton.patternLengths;
  const engine: RedactionEngine = {
    automaton,
    collect(text, from, state, into) {
      return automaton.scan(text, from, state, (end, pattern) => {
        into.push({ start: end - lengths[pattern]!, end, secret: owners[pattern]! });
      });
    },
    label: (secret) => labels[secret]!,
  };
  return {
    engine,
    maxMatchLength: automaton.maxPatternLength,
    redact(text) {
      const matches: SecretMatch[] = [];
      engine.collect(text, 0, 0, matches);
      if (matches.length === 0) return text;
      return redactUpTo(text, text.length, matches, 0, engine.label).output;
    },
  };
}
