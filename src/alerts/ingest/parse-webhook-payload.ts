import type { FieldIssue } from '../../core/app-error.js';
import type { AlertAction, IncomingAlert, Labels } from '../alert-model.js';
import { labelsFingerprint } from './alert-fingerprint.js';
import {
  addIssue,
  assertBatchSize,
  maxDedupKeyLength,
  nonBlank,
  setEntry,
  throwIfIssues,
  toTitle,
} from './ingest-checks.js';
import { jsonPathPointer, readJsonPath, type JsonPath } from './json-path.js';
import type { CompiledWebhookMapping } from './webhook-mapping.js';

/**
 * Reads a generic JSON webhook with its integration's mapping (see `parseWebhookMapping`): one
 * alert, or with `mapping.alerts` one per item of that array. Values found are made text (numbers
 * and booleans as written, objects as JSON); a missing or null value is "not said". A missing
 * title is an issue at the payload path the mapping names (`/data/alerts/2/name`), so the sender
 * sees which of its fields is absent; the batch is then refused whole.
 *
 * Without a dedup key in the payload, the key is the fingerprint of `{title, ...labels}`: the same
 * alert then keeps one key, and firing and recovery messages of it meet. The status word decides
 * the action (ignoring case); any other word, or none, fires. `now` is unused: every parser takes it.
 */
export const parseWebhookPayload: (body: unknown, mapping: CompiledWebhookMapping, now: Date) => IncomingAlert[] = (
  body,
  mapping,
) => {
  const issues: FieldIssue[] = [];
  const items = itemsOf(body, mapping.alerts, issues);
  assertBatchSize(items.length);
  const alerts: IncomingAlert[] = [];
  for (const [item, base] of items) {
    const alert = readMappedAlert(item, base, mapping, issues);
    if (alert !== undefined) alerts.push(alert);
  }
  throwIfIssues('webhook payload', issues);
  return alerts;
};

/** The payload itself, or each item of the array the mapping points to, with its pointer. */
function itemsOf(body: unknown, alertsPath: JsonPath | null, issues: FieldIssue[]): [unknown, string][] {
  if (alertsPath === null) return [[body, '']];
  const list = readJsonPath(body, alertsPath);
  const pointer = jsonPathPointer(alertsPath);
  if (!Array.isArray(list)) {
    addIssue(issues, pointer, `must be an array of alerts (the mapping's alerts path ${alertsPath.text})`);
    return [];
  }
  return list.map((item: unknown, index) => [item, `${pointer === '/' ? '' : pointer}/${index}`]);
}

/** A value found in the payload as text; undefined when absent or null. */
function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function readMappedAlert(
  item: unknown,
  base: string,
  mapping: CompiledWebhookMapping,
  issues: FieldIssue[],
): IncomingAlert | undefined {
  const read = (path: JsonPath | null): string | undefined =>
    path === null ? undefined : textOf(readJsonPath(item, path));
  const title = nonBlank(read(mapping.title));
  if (title === undefined)
    addIssue(
      issues,
      jsonPathPointer(mapping.title, base),
      `is missing or blank: the mapping takes the title from ${mapping.title.text}`,
    );
  const labels = readNamedTexts(mapping.labels, read);
  const annotations = readNamedTexts(mapping.annotations, read);
  const givenKey = nonBlank(read(mapping.dedupKey));
  if (givenKey !== undefined && givenKey.length > maxDedupKeyLength && mapping.dedupKey !== null) {
    addIssue(
      issues,
      jsonPathPointer(mapping.dedupKey, base),
      `must be at most ${maxDedupKeyLength} characters (the dedup key)`,
    );
  }
  if (title === undefined) return undefined;
  const oneLine = toTitle(title);
  return {
    fingerprint: givenKey ?? labelsFingerprint({ title: oneLine, ...labels }),
    action: actionOf(read(mapping.status), mapping),
    labels,
    annotations,
    title: oneLine,
    severity: nonBlank(read(mapping.severity)) ?? null,
    startsAt: null,
    endsAt: null,
    sourceUrl: nonBlank(read(mapping.sourceUrl)) ?? null,
  };
}

function readNamedTexts(
  entries: CompiledWebhookMapping['labels'],
  read: (path: JsonPath) => string | undefined,
): Labels {
  const texts: Labels = {};
  for (const [name, path] of entries) {
    const text = read(path);
    if (text !== undefined) setEntry(texts, name, text);
  }
  return texts;
}

function actionOf(status: string | undefined, mapping: CompiledWebhookMapping): AlertAction {
  const word = status?.trim().toLowerCase();
  if (word === undefined) return 'trigger';
  if (mapping.resolvedValues.has(word)) return 'resolve';
  if (mapping.acknowledgedValues.has(word)) return 'acknowledge';
  return 'trigger';
}
