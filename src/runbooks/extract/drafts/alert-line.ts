import { forMinutesIn, hasComparison, readCondition, type Condition } from './alert-condition.js';
import type { AlertRule } from './draft-data.js';

/**
 * How strictly a line is taken for an alert, by the title it sits under:
 * - `alerts` ("Alertes Critiques"): every line is one, even a bare name ("Database Down");
 * - `metrics` ("Métriques critiques", "Monitoring"): lines that state a threshold;
 * - `prose` (a runbook's "Prévention" or "Détection"): lines that say "alert" and state a threshold.
 */
export type AlertMode = 'alerts' | 'metrics' | 'prose';

export interface AlertLine {
  text: string;
  /** A bold label (`**API Response Time**: p95 < 200ms`), when the line has one. */
  label: string | null;
  /** What follows the label. */
  rest: string;
  /** Inline code spans, where expressions are usually written. */
  codes: readonly string[];
  line: number;
}

const alertPrefix = /^(?:alert(?:e|es)?|alarm(?:e|es)?|monitor(?:ing)?)\s*(?:si|if|when|quand)?\s*:\s*/i;
const alertWord = /\b(alert\w*|alarm\w*|monitor\w*|surveill\w*|notif\w*|pager)\b/i;
const decoration = /^[\p{Extended_Pictographic}\u{FE0F}\u{200D}\s•·]+/u;

/** `Alert: "Impayes Critiques"`: a name whose condition follows on the next line. */
export function quotedAlertName(text: string): string | null {
  return (
    /^(?:alert(?:e|es)?|alarm(?:e|es)?)\s*:\s*["“«]\s*([^"”»]+?)\s*["”»]\s*$/i.exec(
      text.replace(decoration, ''),
    )?.[1] ?? null
  );
}

/** Reads one line as an alert rule, or null when, in this mode, it is not one. */
export function readAlertLine(input: AlertLine, mode: AlertMode, severity: string | null): AlertRule | null {
  const text = input.text.replace(decoration, '').trim();
  if (text === '') return null;
  const prefixed = alertPrefix.test(text);
  const body = text.replace(alertPrefix, '').trim();
  let name: string | null = input.label;
  let condition: Condition | null;
  let expression: string | null;
  const code = input.codes.find(hasComparison);
  if (code !== undefined) {
    condition = readCondition(code, true);
    expression = code;
  } else {
    const source = input.label === null ? body : input.rest;
    const parenthesis = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(source);
    if (parenthesis !== null && hasComparison(parenthesis[2]!) && !hasComparison(parenthesis[1]!)) {
      // `High Latency (p95 > 200ms)`: the name, then the condition.
      name ??= parenthesis[1]!.trim() === '' ? null : parenthesis[1]!.trim();
      condition = readCondition(parenthesis[2]!);
    } else condition = readCondition(source);
    expression = condition?.expression ?? null;
  }
  const saysAlert = prefixed || alertWord.test(text);
  if (condition === null) {
    if (mode !== 'alerts' && !(mode === 'metrics' && prefixed)) return null;
    if (/https?:\/\//.test(text) || text.length > 120) return null; // links and sentences, not alert names
  }
  if (mode === 'prose' && !saysAlert) return null;
  const ruleName = name ?? body.replace(/`/g, '').trim();
  return {
    name: ruleName,
    expression,
    metric: condition === null ? null : (condition.metric ?? name ?? null),
    operator: condition?.operator ?? null,
    threshold: condition?.threshold ?? null,
    unit: condition?.unit ?? null,
    forMinutes: condition?.forMinutes ?? forMinutesIn(input.label === null ? body : input.rest),
    severity: severityIn(text) ?? severity,
    raw: input.text,
    line: input.line,
  };
}

/** A severity written on the line itself (`[critical]`, `(P1)`, `severity: warning`). */
function severityIn(text: string): string | null {
  const match =
    /[[(]\s*(critical|critique|warning|avertissement|info|high|low|P[1-4]|SEV[0-4])\s*[\])]|severity\s*[:=]\s*"?(\w+)/i.exec(
      text,
    );
  return match === null ? null : (match[1] ?? match[2]!).toLowerCase();
}
