import type { FieldIssue } from '../../core/app-error.js';
import type { Labels } from '../alert-model.js';
import {
  addIssue,
  childPath,
  isRecord,
  nonBlank,
  readOptionalString,
  readStringMap,
  setEntry,
  toTitle,
} from './ingest-checks.js';
import { readTimestamp } from './rfc3339-time.js';

/**
 * The fields Prometheus-style alerts share, whether pushed by Prometheus or forwarded by an
 * Alertmanager webhook, checked as Alertmanager checks them (`types.Alert.Validate()`), so that
 * what Alertmanager would refuse is refused here too.
 */

/** Prometheus' label (and annotation) name syntax, `model.LabelNameRE`. */
export const labelNamePattern = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function labelNameProblem(name: string): string | null {
  return labelNamePattern.test(name) ? null : `is not a valid name: it must match ${labelNamePattern.source}`;
}

/**
 * The label set at `object.labels`. Empty values are dropped first, as Alertmanager does
 * (`removeEmptyLabels`): in Prometheus an empty label is no label, and the fingerprint ignores it.
 */
export function readLabelSet(object: Record<string, unknown>, path: string, issues: FieldIssue[]): Labels {
  const labelsPath = childPath(path, 'labels');
  if (object['labels'] === undefined || object['labels'] === null) {
    addIssue(issues, labelsPath, 'is required: at least one label');
    return {};
  }
  const issueCount = issues.length;
  const read = readStringMap(object['labels'], labelsPath, issues, labelNameProblem);
  if (read === undefined) return {};
  const labels: Labels = {};
  for (const [name, value] of Object.entries(read)) if (value !== '') setEntry(labels, name, value);
  if (Object.keys(labels).length === 0 && issues.length === issueCount) {
    addIssue(issues, labelsPath, 'must hold at least one label with a non-empty value');
  }
  return labels;
}

/** The optional annotations; Alertmanager holds their names to the label syntax too. */
export function readAnnotations(object: Record<string, unknown>, path: string, issues: FieldIssue[]): Labels {
  const value = object['annotations'];
  if (value === undefined || value === null) return {};
  return readStringMap(value, childPath(path, 'annotations'), issues, labelNameProblem) ?? {};
}

/** When the alert started and ends; an end before the start is refused, as Alertmanager does. */
export function readAlertTimes(
  object: Record<string, unknown>,
  path: string,
  issues: FieldIssue[],
): { startsAt: Date | null; endsAt: Date | null } {
  const startsAt = readTimestamp(object, 'startsAt', path, issues);
  const endsAt = readTimestamp(object, 'endsAt', path, issues);
  if (startsAt !== null && endsAt !== null && endsAt < startsAt) {
    addIssue(issues, childPath(path, 'endsAt'), 'must not be before startsAt');
  }
  return { startsAt, endsAt };
}

/**
 * The title: the summary annotation, else the alertname, else the first label by name (as
 * `name=value`, a bare value says too little). Blank ones are skipped.
 */
export function alertTitle(labels: Labels, annotations: Labels): string {
  const firstName = Object.keys(labels).sort()[0];
  const firstLabel = firstName === undefined ? undefined : `${firstName}=${labels[firstName] ?? ''}`;
  return toTitle(nonBlank(annotations['summary']) ?? nonBlank(labels['alertname']) ?? firstLabel ?? '');
}

/**
 * Close to Go's `url.ParseRequestURI`, which Alertmanager's API applies to `generatorURL`: an
 * absolute URL or an absolute path, no control characters, a parsable authority if there is one.
 */
function isRequestUri(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  if (/[\u0000-\u001f\u007f]/.test(text)) return false;
  if (text.startsWith('/')) return true;
  const scheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:/.exec(text)?.[0];
  if (scheme === undefined) return false;
  if (!text.startsWith('//', scheme.length)) return true;
  return URL.canParse(text);
}

/** The link back to the alert's source; blank is none, as Alertmanager allows it. */
export function readGeneratorUrl(object: Record<string, unknown>, path: string, issues: FieldIssue[]): string | null {
  const text = nonBlank(readOptionalString(object, 'generatorURL', path, issues));
  if (text === undefined) return null;
  if (isRequestUri(text)) return text;
  addIssue(issues, childPath(path, 'generatorURL'), 'must be an absolute URL (or an absolute path)');
  return null;
}

/** The item at `path` if it is an object, else an issue. */
export function readAlertObject(
  item: unknown,
  path: string,
  issues: FieldIssue[],
): Record<string, unknown> | undefined {
  if (isRecord(item)) return item;
  addIssue(issues, path, 'must be an alert object');
  return undefined;
}
