import type { FieldIssue } from '../../core/app-error.js';
import { labelNamePattern, type RunnerLabels } from './runner-model.js';

const labelName = new RegExp(labelNamePattern);

/**
 * Reads a runner selector as written in a fence attribute or the runbook's settings:
 * `env=prod` or `env=prod,site=eu` (commas or spaces between labels). Every label must match.
 */
export function parseRunnerSelector(text: string, path: string): { labels: RunnerLabels; issues: FieldIssue[] } {
  const labels: RunnerLabels = {};
  const issues: FieldIssue[] = [];
  for (const part of text.split(/[\s,]+/).filter((piece) => piece !== '')) {
    const equals = part.indexOf('=');
    const name = equals === -1 ? '' : part.slice(0, equals);
    const value = equals === -1 ? '' : part.slice(equals + 1);
    if (!labelName.test(name) || value === '') {
      issues.push({ path, message: `"${part}" is not a label: write name=value, e.g. env=prod` });
      continue;
    }
    labels[name] = value;
  }
  return { labels, issues };
}

/** `env=prod,site=eu` (empty for none): a selector as it is written, read back by `parseRunnerSelector`. */
export function formatSelector(selector: RunnerLabels): string {
  return Object.entries(selector)
    .map(([name, value]) => `${name}=${value}`)
    .join(',');
}

/** `env=prod, site=eu`, or `any runner` for an empty selector: how people read a selector. */
export function describeSelector(selector: RunnerLabels): string {
  const entries = Object.entries(selector);
  return entries.length === 0
    ? 'any runner'
    : `a runner with ${entries.map(([name, value]) => `${name}=${value}`).join(', ')}`;
}
