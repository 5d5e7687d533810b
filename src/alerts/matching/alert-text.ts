import type { Labels } from '../alert-model.js';
import { identifiersOf } from './promql-parts.js';
import { contentWords, tokenize } from './text-tokens.js';

/** An alert as runbook matching reads it. */
export interface AlertForMatching {
  title: string;
  labels: Labels;
  annotations: Labels;
}

/** What of an alert runbook clues are looked for in. */
export interface AlertText {
  labels: Labels;
  /** The fields' text as written, lower case, one per line: for URL paths. */
  raw: string;
  /** Tokens of each field apart (title, summary, description, each label value), so that a phrase does not straddle two. */
  fields: readonly (readonly string[])[];
  /** Every token of every field. */
  tokens: ReadonlySet<string>;
  /** The tokens that can count as words on their own (no stop words, no numbers). */
  words: ReadonlySet<string>;
  /** Content words of the `alertname` label, CamelCase split. */
  alertNameWords: readonly string[];
  /** Identifiers quoted anywhere (`redis_memory_used_bytes`), lower case. */
  identifiers: ReadonlySet<string>;
  /** HTTP statuses the alert reports, each also as its class (`503` → `503`, `5xx`). */
  statuses: ReadonlySet<string>;
  /** Values, lower case, of the labels that name a service. */
  services: ReadonlySet<string>;
}

/** Annotations that describe the problem; links (`runbook_url`, `dashboard`) are not evidence. */
const describingAnnotations = ['summary', 'description', 'message'];
/** Labels whose values say how bad or where from, never what: `critical` or `prometheus-0` match no runbook. */
const ignoredLabels = new Set([
  'severity',
  'priority',
  'prometheus',
  'replica',
  'alertstate',
  'runbook',
  'runbook_id',
  'runbook_url',
]);
/** Labels Prometheus, Kubernetes and OpenTelemetry use to name the service an alert is about. */
const serviceLabels = [
  'service',
  'service_name',
  'app',
  'application',
  'app_kubernetes_io_name',
  'job',
  'container',
  'deployment',
  'component',
];
const statusLabels = new Set(['code', 'status', 'status_code', 'http_status', 'http_code', 'response_code']);
const statusPatterns = [
  /\b(?:http|status|code|erreurs?|errors?)\s*:?\s*([1-5]\d\d|[1-5]xx)\b/gi,
  /\b([1-5]\d\d|[1-5]xx)\s*(?:errors?|erreurs?|responses?|reponses?|réponses?|status(?:es)?|codes?)\b/gi,
  /\b([1-5]xx)\b/gi,
];

/** Reads an alert once for all the candidate runbooks. */
export function readAlertText(alert: AlertForMatching): AlertText {
  const prose = [alert.title, ...describingAnnotations.map((name) => alert.annotations[name] ?? '')].filter(
    (text) => text !== '',
  );
  const labelValues = Object.entries(alert.labels)
    .filter(([name]) => !ignoredLabels.has(name) && !name.startsWith('__'))
    .map(([, value]) => value);
  const texts = [...prose, ...labelValues];
  const fields = texts.map((text) => tokenize(text));
  const tokens = new Set(fields.flat());
  return {
    labels: alert.labels,
    raw: texts.join('\n').toLowerCase(),
    fields,
    tokens,
    words: new Set(contentWords([...tokens])),
    alertNameWords: contentWords(tokenize(alert.labels['alertname'] ?? '')),
    identifiers: new Set(texts.flatMap(identifiersOf)),
    statuses: statusesOf(prose, alert.labels),
    services: new Set(
      serviceLabels
        .filter((name) => Object.hasOwn(alert.labels, name))
        .map((name) => alert.labels[name]!.toLowerCase()),
    ),
  };
}

/** HTTP statuses from status labels and from text that says they are HTTP (`HTTP 502`, `500 errors`, `5xx`). */
function statusesOf(prose: readonly string[], labels: Labels): Set<string> {
  const found: string[] = [];
  for (const [name, value] of Object.entries(labels)) {
    if (statusLabels.has(name.toLowerCase()) && /^[1-5]\d\d$/.test(value)) found.push(value);
  }
  // A bare number is not a status (`queue above 500`): only numbers the text calls HTTP, errors or codes are.
  for (const text of prose)
    for (const pattern of statusPatterns)
      for (const match of text.matchAll(pattern)) found.push(match[1]!.toLowerCase());
  return new Set(found.flatMap((status) => (/^\d+$/.test(status) ? [status, `${status[0]}xx`] : [status])));
}
