import type { FieldIssue } from '../../core/app-error.js';
import type { AlertAction, IncomingAlert } from '../alert-model.js';
import { labelsFingerprint } from './alert-fingerprint.js';
import {
  addIssue,
  assertBatchSize,
  childPath,
  isRecord,
  nonBlank,
  readOptionalString,
  readStringMap,
  throwIfIssues,
  throwIssue,
} from './ingest-checks.js';
import {
  alertTitle,
  readAlertObject,
  readGeneratorUrl,
  readAlertTimes,
  readAnnotations,
  readLabelSet,
} from './prometheus-alert-fields.js';

/** The webhook payload version Alertmanager has sent since 0.x: the only one there is. */
export const alertmanagerWebhookVersion = '4';

const fingerprintPattern = /^[0-9a-fA-F]{16}$/;

/** Each alert's status word and what it means here. */
const statusActions: Record<string, AlertAction> = { firing: 'trigger', resolved: 'resolve' };

/**
 * Reads Alertmanager's webhook receiver payload (`webhook_configs`): a group of alerts with
 * `version: "4"`, `groupKey`, `status`, `receiver`, `groupLabels`, `commonLabels`,
 * `commonAnnotations`, `externalURL` and `alerts[]`. Each alert's own `status` decides its action
 * (the group's status only says whether any still fires). Its `fingerprint` is kept when given, so
 * ids match Alertmanager's UI, and computed from the labels otherwise.
 *
 * Alertmanager writes `endsAt: "0001-01-01T00:00:00Z"` (Go's zero time) for firing alerts: that
 * is read as no end. `now` is unused (the status says everything) but kept so every parser has the
 * same signature. Any bad field refuses the whole payload, each with its path (`/alerts/2/status`).
 */
export const parseAlertmanagerWebhook: (body: unknown, now: Date) => IncomingAlert[] = (body) => {
  const issues: FieldIssue[] = [];
  if (!isRecord(body))
    throwIssue('Alertmanager webhook payload', '', 'must be a JSON object (an Alertmanager webhook payload)');
  checkGroupFields(body, issues);
  const alertsValue = body['alerts'];
  if (!Array.isArray(alertsValue)) {
    addIssue(
      issues,
      '/alerts',
      alertsValue === undefined ? 'is required: an array of alerts' : 'must be an array of alerts',
    );
    throwIfIssues('Alertmanager webhook payload', issues);
    return [];
  }
  assertBatchSize(alertsValue.length);
  const alerts: IncomingAlert[] = [];
  alertsValue.forEach((item: unknown, index) => {
    const alert = readWebhookAlert(item, childPath('/alerts', index), issues);
    if (alert !== undefined) alerts.push(alert);
  });
  throwIfIssues('Alertmanager webhook payload', issues);
  return alerts;
};

/** The group's own fields are not used, but a wrong one says the sender is not Alertmanager. */
function checkGroupFields(body: Record<string, unknown>, issues: FieldIssue[]): void {
  if (body['version'] !== alertmanagerWebhookVersion) {
    const found = body['version'] === undefined ? 'is required' : `is ${JSON.stringify(body['version'])}`;
    addIssue(
      issues,
      '/version',
      `${found}: only Alertmanager's webhook version "${alertmanagerWebhookVersion}" is read`,
    );
  }
  for (const key of ['groupKey', 'receiver', 'externalURL']) readOptionalString(body, key, '', issues);
  const status = readOptionalString(body, 'status', '', issues);
  if (status !== undefined && !Object.hasOwn(statusActions, status))
    addIssue(issues, '/status', 'must be "firing" or "resolved"');
  for (const key of ['groupLabels', 'commonLabels', 'commonAnnotations']) {
    if (body[key] !== undefined && body[key] !== null) readStringMap(body[key], childPath('', key), issues);
  }
  const truncated = body['truncatedAlerts'];
  if (truncated !== undefined && !(typeof truncated === 'number' && Number.isInteger(truncated) && truncated >= 0)) {
    addIssue(issues, '/truncatedAlerts', 'must be a whole number, 0 or more');
  }
}

function readWebhookAlert(item: unknown, path: string, issues: FieldIssue[]): IncomingAlert | undefined {
  const object = readAlertObject(item, path, issues);
  if (object === undefined) return undefined;
  const status = object['status'];
  const action = typeof status === 'string' && Object.hasOwn(statusActions, status) ? statusActions[status] : undefined;
  if (action === undefined) {
    addIssue(
      issues,
      childPath(path, 'status'),
      status === undefined ? 'is required: "firing" or "resolved"' : 'must be "firing" or "resolved"',
    );
  }
  const labels = readLabelSet(object, path, issues);
  const annotations = readAnnotations(object, path, issues);
  const { startsAt, endsAt } = readAlertTimes(object, path, issues);
  const sourceUrl = readGeneratorUrl(object, path, issues);
  const given = readOptionalString(object, 'fingerprint', path, issues);
  if (given !== undefined && given !== '' && !fingerprintPattern.test(given)) {
    addIssue(issues, childPath(path, 'fingerprint'), 'must be 16 hexadecimal digits, as Alertmanager writes it');
  }
  return {
    fingerprint: nonBlank(given)?.toLowerCase() ?? labelsFingerprint(labels),
    action: action ?? 'trigger',
    labels,
    annotations,
    title: alertTitle(labels, annotations),
    severity: labels['severity'] ?? null,
    startsAt,
    endsAt,
    sourceUrl,
  };
}
