import type { FieldIssue } from '../../core/app-error.js';
import type { IncomingAlert } from '../alert-model.js';
import { labelsFingerprint } from './alert-fingerprint.js';
import { assertBatchSize, childPath, throwIfIssues, throwIssue } from './ingest-checks.js';
import {
  alertTitle,
  readAlertObject,
  readGeneratorUrl,
  readAlertTimes,
  readAnnotations,
  readLabelSet,
} from './prometheus-alert-fields.js';

/**
 * Reads what Prometheus pushes to Alertmanager (`POST /api/v2/alerts`): a JSON array of
 * `{labels, annotations?, startsAt?, endsAt?, generatorURL?}`. Prometheus re-sends a firing alert
 * every evaluation with `endsAt` a few minutes ahead, and once resolved with `endsAt` in the past:
 * so an alert whose end has come is a resolution, anything else fires.
 *
 * The batch is refused whole if any alert is bad, with an issue per bad field (`/3/labels/alertname`);
 * more than `maxAlertsPerBatch` alerts is refused as too large. Fields Alertmanager does not know
 * are ignored, as Alertmanager ignores them.
 */
export function parsePrometheusAlerts(body: unknown, now: Date): IncomingAlert[] {
  if (!Array.isArray(body)) throwIssue('Prometheus alerts', '', 'must be a JSON array of alerts');
  assertBatchSize(body.length);
  const issues: FieldIssue[] = [];
  const alerts: IncomingAlert[] = [];
  body.forEach((item: unknown, index) => {
    const alert = readPrometheusAlert(item, childPath('', index), now, issues);
    if (alert !== undefined) alerts.push(alert);
  });
  throwIfIssues('Prometheus alerts', issues);
  return alerts;
}

function readPrometheusAlert(item: unknown, path: string, now: Date, issues: FieldIssue[]): IncomingAlert | undefined {
  const object = readAlertObject(item, path, issues);
  if (object === undefined) return undefined;
  const labels = readLabelSet(object, path, issues);
  const annotations = readAnnotations(object, path, issues);
  const { startsAt, endsAt } = readAlertTimes(object, path, issues);
  const sourceUrl = readGeneratorUrl(object, path, issues);
  return {
    fingerprint: labelsFingerprint(labels),
    action: endsAt !== null && endsAt.getTime() <= now.getTime() ? 'resolve' : 'trigger',
    labels,
    annotations,
    title: alertTitle(labels, annotations),
    severity: labels['severity'] ?? null,
    startsAt,
    endsAt,
    sourceUrl,
  };
}
