import type { SectionKind, Step } from '../../runbooks/runbook-model.js';
import type { SuccessCondition } from './success-condition.js';

/**
 * An expectation written as a comment of the code, in French or English: `# Doit retourner: PONG`,
 * `# Résultat attendu : OK`, `# Should return PONG`, `# Expected output: ready`, `# expect: 200`.
 */
const expectationComment =
  /^\s*#\s*(?:(?:doit|devrait)\s+(?:retourner|renvoyer|afficher|contenir|r[ée]pondre)|(?:r[ée]sultat|sortie|r[ée]ponse)\s+attendue?|attendu|(?:should|must)\s+(?:return|print|output|show|contain|say)|expected(?:\s+(?:output|result|response))?|expect)\s*:?\s+(.+?)\s*$/iu;

const httpStatusPattern = /^(?:HTTP\s*)?([1-5](?:\d\d|xx))(?:\s+[A-Za-z][A-Za-z ]*)?$/i;
const fenceAttributes = ['expect', 'expectExitCode', 'expectOutput', 'expectMatch', 'expectHttpStatus'] as const;

/**
 * The success condition of a command step, or null when it has none: read from the fence
 * attributes (`{"expectOutput":"PONG","expectExitCode":"0"}`, Runme-style), else from an
 * expectation comment in the code, else — for a step of a verification section only — exit
 * status 0. Read again at each run from the stored step, like its parameters, so that a runbook
 * imported before this existed gets conditions too.
 */
export function readSuccessCondition(step: Step, sectionKind: SectionKind): SuccessCondition | null {
  if (step.kind !== 'command') return null;
  const attributes = step.attributes;
  if (fenceAttributes.some((name) => attributes[name] !== undefined)) return fromAttributes(attributes);
  const expectations = step.body
    .split('\n')
    .map((line) => expectationComment.exec(line)?.[1])
    .filter((text) => text !== undefined);
  if (expectations.length > 0) return fromExpectation(expectations[expectations.length - 1]!);
  return sectionKind === 'verification' ? { exitCodes: [0], source: 'default' } : null;
}

function fromAttributes(attributes: Readonly<Record<string, string>>): SuccessCondition {
  const condition: SuccessCondition = { exitCodes: [0], source: 'attributes' };
  const exitCodes = attributes['expectExitCode'];
  if (exitCodes !== undefined) {
    const codes = exitCodes
      .split(/[\s,]+/)
      .filter((code) => /^\d{1,3}$/.test(code))
      .map(Number);
    if (codes.length > 0) condition.exitCodes = codes;
  }
  const contains = attributes['expectOutput'] ?? attributes['expect'];
  if (contains !== undefined && contains !== '') condition.outputContains = contains;
  if (attributes['expectMatch'] !== undefined && attributes['expectMatch'] !== '')
    condition.outputMatches = attributes['expectMatch'];
  const statuses = attributes['expectHttpStatus']
    ?.split(/[\s,]+/)
    .filter((status) => /^[1-5](\d\d|xx)$/i.test(status))
    .map((s) => s.toLowerCase());
  if (statuses !== undefined && statuses.length > 0) condition.httpStatus = statuses;
  return condition;
}

/** `200`, `HTTP 200`, `200 OK` expect a status; anything else is text the output must contain. */
function fromExpectation(text: string): SuccessCondition {
  const status = httpStatusPattern.exec(text);
  if (status !== null) return { exitCodes: [0], httpStatus: [status[1]!.toLowerCase()], source: 'comment' };
  const quoted = /^(["'`])([^"'`]+)\1$/.exec(text);
  return { exitCodes: [0], outputContains: quoted === null ? text : quoted[2]!, source: 'comment' };
}
