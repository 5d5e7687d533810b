import type { Labels } from '../alert-model.js';

/** A runbook the alert names itself, and where it does. */
export interface ExplicitRunbook {
  runbookId: string;
  /** `annotations.runbook_url`, `labels.runbook_id`… */
  via: string;
  value: string;
}

/** Where Prometheus rules and Alertmanager configs conventionally put a runbook link, most usual first. */
const linkFields: readonly { from: 'annotations' | 'labels'; name: string }[] = [
  { from: 'annotations', name: 'runbook_url' },
  { from: 'annotations', name: 'runbook' },
  { from: 'annotations', name: 'runbookUrl' },
  { from: 'labels', name: 'runbook_id' },
  { from: 'labels', name: 'runbook' },
  { from: 'labels', name: 'runbook_url' },
];

/** An Astreinte runbook page (`…/runbooks/<id>`, maybe `.md`, a trailing slash, a query or fragment). */
const runbookPath = /\/runbooks\/([^/?#]+?)(?:\.(?:md|html?))?\/?(?:[?#].*)?$/;

/**
 * The runbook an alert links to itself, among the candidate ids: a `runbook_url` (or `runbook`)
 * annotation, or a `runbook_id` (or `runbook`) label, that is the id, a URL whose path ends in
 * `/runbooks/<id>`, or a URL holding the id as a whole slug (`…/runbooks.md#osrm-en-panne`; the
 * longest id wins, so `rollback-applicatif` is not read as `rollback`). Null when none names one.
 */
export function findExplicitRunbook(
  alert: { labels: Labels; annotations: Labels },
  runbookIds: readonly string[],
): ExplicitRunbook | null {
  // Compared in lower case (a URL may be written either way), reported as the catalogue spells it.
  const ids = new Map(runbookIds.map((id) => [id.toLowerCase(), id]));
  const longestFirst = [...ids.keys()].sort((a, b) => b.length - a.length);
  for (const field of linkFields) {
    const source = alert[field.from];
    if (!Object.hasOwn(source, field.name)) continue;
    const value = source[field.name]!.trim();
    const runbookId = runbookNamedBy(value, ids, longestFirst);
    if (runbookId !== null) return { runbookId, via: `${field.from}.${field.name}`, value };
  }
  return null;
}

function runbookNamedBy(
  value: string,
  ids: ReadonlyMap<string, string>,
  longestFirst: readonly string[],
): string | null {
  if (value === '') return null;
  const text = decoded(value).toLowerCase();
  const fromPath = runbookPath.exec(text)?.[1];
  const key = ids.has(text)
    ? text
    : fromPath !== undefined && ids.has(fromPath)
      ? fromPath
      : longestFirst.find((id) => holdsSlug(text, id));
  return key === undefined ? null : ids.get(key)!;
}

/** True when `id` occurs in `text` with no slug character (letter, digit, `-`) glued to either side. */
function holdsSlug(text: string, id: string): boolean {
  for (let at = text.indexOf(id); at >= 0; at = text.indexOf(id, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + id.length] ?? ' ';
    if (!/[a-z0-9-]/.test(before) && !/[a-z0-9-]/.test(after)) return true;
  }
  return false;
}

/** Percent-escapes undone, so that `%C3%A9` compares as `é`; a malformed escape leaves the text as it is. */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
