import type { FieldIssue } from '../../core/app-error.js';
import type { Labels } from '../alert-model.js';
import {
  addIssue,
  childPath,
  isRecord,
  nonBlank,
  readOptionalString,
  readRequiredString,
  setEntry,
} from './ingest-checks.js';
import { readTimestamp } from './rfc3339-time.js';

/** The severities PagerDuty accepts, and no other. */
export const pagerDutySeverities = ['critical', 'error', 'warning', 'info'] as const;
export type PagerDutySeverity = (typeof pagerDutySeverities)[number];

/** PagerDuty's limit on `payload.summary`. */
export const maxSummaryLength = 1024;

/** The payload fields that feed the alert. */
export interface PagerDutyPayload {
  summary: string;
  severity: PagerDutySeverity;
  timestamp: Date | null;
  /** source, component, group, class and severity, those given. */
  labels: Labels;
  /** `custom_details` as text: a string as is, anything else as JSON. */
  details: string | undefined;
}

const labelFields = ['source', 'component', 'group', 'class'] as const;

/**
 * The `payload` of a trigger, checked as PagerDuty checks it: summary (at most 1024 characters),
 * source and severity required; timestamp ISO 8601; component, group and class strings.
 */
export function readPagerDutyPayload(
  event: Record<string, unknown>,
  issues: FieldIssue[],
): PagerDutyPayload | undefined {
  const value = event['payload'];
  if (!isRecord(value)) {
    addIssue(
      issues,
      '/payload',
      value === undefined || value === null
        ? 'is missing (a trigger needs summary, source and severity)'
        : 'must be an object',
    );
    return undefined;
  }
  const summary = readRequiredString(value, 'summary', '/payload', issues);
  if (summary !== undefined && summary.length > maxSummaryLength)
    addIssue(issues, '/payload/summary', `must be at most ${maxSummaryLength} characters`);
  const severity = readSeverity(value, issues);
  const labels: Labels = {};
  readRequiredString(value, 'source', '/payload', issues);
  for (const field of labelFields) {
    const text = nonBlank(readOptionalString(value, field, '/payload', issues));
    if (text !== undefined) setEntry(labels, field, text);
  }
  if (severity !== undefined) labels['severity'] = severity;
  const timestamp = readTimestamp(value, 'timestamp', '/payload', issues, { offsetWithoutColon: true });
  const custom = value['custom_details'];
  const details =
    custom === undefined || custom === null ? undefined : typeof custom === 'string' ? custom : JSON.stringify(custom);
  if (summary === undefined || severity === undefined) return undefined;
  return { summary, severity, timestamp, labels, details };
}

function readSeverity(payload: Record<string, unknown>, issues: FieldIssue[]): PagerDutySeverity | undefined {
  const value = payload['severity'];
  const severity = pagerDutySeverities.find((candidate) => candidate === value);
  if (severity === undefined) {
    const problem = value === undefined || value === null || value === '' ? 'is missing or blank' : 'is invalid';
    addIssue(issues, '/payload/severity', `${problem} (must be one of 'critical', 'error', 'warning' or 'info')`);
  }
  return severity;
}

/**
 * Checks `images` (`{src, href?, alt?}`) and `links` (`{href, text?}`) and returns the links'
 * hrefs, the first of which is the alert's way back to its source.
 */
export function readLinks(event: Record<string, unknown>, issues: FieldIssue[]): string[] {
  const hrefs: string[] = [];
  for (const [key, required, optional] of [
    ['images', 'src', ['href', 'alt']],
    ['links', 'href', ['text']],
  ] as const) {
    const value = event[key];
    if (value === undefined || value === null) continue;
    const path = childPath('', key);
    if (!Array.isArray(value)) {
      addIssue(issues, path, 'must be an array');
      continue;
    }
    value.forEach((item: unknown, index) => {
      const itemPath = childPath(path, index);
      if (!isRecord(item)) return addIssue(issues, itemPath, 'must be an object');
      const text = readRequiredString(item, required, itemPath, issues);
      for (const field of optional) readOptionalString(item, field, itemPath, issues);
      if (key === 'links' && text !== undefined) hrefs.push(text);
    });
  }
  return hrefs;
}
