import { parse } from 'yaml';
import { readCondition } from './alert-condition.js';
import type { AlertRule } from './draft-data.js';
import { parseMinutes } from './parse-duration.js';

/**
 * Prometheus alerting rules pasted into a runbook (`- alert: HighErrorRate` / `expr:` / `for: 5m`
 * / `labels: { severity: critical }`), as a file with `groups:` or as a bare list of rules.
 * Returns null when the code is not such YAML, so the caller reads it line by line instead.
 */
export function readPrometheusRules(code: string, firstLine: number): AlertRule[] | null {
  if (!/^\s*-?\s*alert\s*:\s*\S/m.test(code) || !/^\s*expr\s*:/m.test(code)) return null;
  let document: unknown;
  try {
    document = parse(code);
  } catch {
    return null;
  }
  const rules = collectRules(document);
  if (rules.length === 0) return null;
  const lines = code.split('\n');
  return rules.map((rule) => {
    const expression = String(rule['expr']).trim();
    const condition = readCondition(expression, true);
    const labels = isRecord(rule['labels']) ? rule['labels'] : {};
    const index = lines.findIndex((line) =>
      new RegExp(`alert\\s*:\\s*["']?${escape(String(rule['alert']))}`).test(line),
    );
    const forValue = rule['for'];
    return {
      name: String(rule['alert']),
      expression,
      metric: condition?.metric ?? null,
      operator: condition?.operator ?? null,
      threshold: condition?.threshold ?? null,
      unit: condition?.unit ?? null,
      forMinutes: typeof forValue === 'string' ? parseMinutes(forValue) : null,
      severity: typeof labels['severity'] === 'string' ? labels['severity'] : null,
      raw: lines
        .slice(Math.max(index, 0), Math.max(index, 0) + 1)
        .join('\n')
        .trim(),
      line: firstLine + Math.max(index, 0),
    };
  });
}

/** Objects with `alert` and `expr`, at any depth (groups → rules, or a list of rules). */
function collectRules(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(collectRules);
  if (!isRecord(value)) return [];
  if (typeof value['alert'] === 'string' && value['expr'] !== undefined) return [value];
  return Object.values(value).flatMap(collectRules);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
