import type { SuccessCondition, Verification } from './success-condition.js';

/** What the check looks at: the exit status and the (redacted) output, both streams in order. */
export interface StepEvidence {
  exitCode: number | null;
  output: string;
}

/**
 * Checks a step's success condition. Text comparisons ignore differences of white space (a
 * table re-aligned, CRLF); a `key: value` expectation also holds when the output shows the value
 * alone, as `jq .key` prints it — runbooks often write the field they look at, not the command's
 * exact answer.
 */
export function checkSuccessCondition(condition: SuccessCondition, evidence: StepEvidence): Verification {
  const failures: string[] = [];
  const held: string[] = [];
  const note = (ok: boolean, success: string, failure: string): void =>
    void (ok ? held : failures).push(ok ? success : failure);
  const code = evidence.exitCode;
  note(
    code !== null && condition.exitCodes.includes(code),
    `exit status ${code}`,
    `exit status ${code ?? 'none'}, expected ${condition.exitCodes.join(' or ')}`,
  );
  if (condition.outputContains !== undefined) {
    const ok = outputContains(evidence.output, condition.outputContains);
    note(
      ok,
      `output contains ${JSON.stringify(condition.outputContains)}`,
      `output does not contain ${JSON.stringify(condition.outputContains)}`,
    );
  }
  if (condition.outputMatches !== undefined) {
    const pattern = compile(condition.outputMatches);
    if (pattern === null)
      failures.push(
        `the expected pattern ${JSON.stringify(condition.outputMatches)} is not a valid regular expression`,
      );
    else
      note(
        pattern.test(evidence.output),
        `output matches /${condition.outputMatches}/`,
        `output does not match /${condition.outputMatches}/`,
      );
  }
  if (condition.httpStatus !== undefined) {
    const status = lastHttpStatus(evidence.output);
    if (status === null) failures.push("no HTTP status in the output (print it with curl -i, or -w '%{http_code}')");
    else
      note(
        condition.httpStatus.some((expected) => statusMatches(status, expected)),
        `HTTP status ${status}`,
        `HTTP status ${status}, expected ${condition.httpStatus.join(' or ')}`,
      );
  }
  return { condition, passed: failures.length === 0, detail: (failures.length === 0 ? held : failures).join('; ') };
}

const squeeze = (text: string): string => text.replace(/\s+/g, ' ').trim();

function outputContains(output: string, expected: string): boolean {
  const text = squeeze(output);
  if (text.includes(squeeze(expected))) return true;
  const pair = /^"?([\w.-]+)"?\s*[:=]\s*("?)(.+?)\2$/.exec(expected.trim());
  return (
    pair !== null &&
    (text.includes(`"${pair[3]}"`) || new RegExp(`(^|[\\s:="'])${escapeRegExp(pair[3]!)}($|[\\s,"'}])`).test(text))
  );
}

function lastHttpStatus(output: string): string | null {
  const statusLines = [...output.matchAll(/^[<\s]*HTTP\/[\d.]+\s+(\d{3})\b/gm)];
  if (statusLines.length > 0) return statusLines[statusLines.length - 1]![1]!;
  const lastLine = output.trimEnd().split('\n').pop()?.trim() ?? '';
  // `-w '%{http_code}'` often prints after the body without a newline: take the last three digits.
  const written = /(?:^|\D)([1-5]\d\d)$/.exec(lastLine);
  return written === null ? null : written[1]!;
}

const statusMatches = (status: string, expected: string): boolean =>
  expected.endsWith('xx') ? status[0] === expected[0] : status === expected;

function compile(source: string): RegExp | null {
  try {
    return new RegExp(source, 'm');
  } catch {
    return null;
  }
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
