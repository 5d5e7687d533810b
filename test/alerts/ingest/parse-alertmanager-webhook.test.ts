import { describe, expect, it } from 'vitest';
import { labelsFingerprint } from '../../../src/alerts/ingest/alert-fingerprint.js';
import { maxAlertsPerBatch } from '../../../src/alerts/ingest/ingest-checks.js';
import { parseAlertmanagerWebhook } from '../../../src/alerts/ingest/parse-alertmanager-webhook.js';
import { thrownError, thrownIssues, thrownPaths } from './thrown-issues.js';

const now = new Date('2024-05-01T12:00:00Z');
const osrmLabels = { alertname: 'OSRMDown', job: 'osrm', severity: 'critical', instance: '127.0.0.1:5000' };

/** A payload as Alertmanager 0.25 posts it to a webhook receiver (shape taken from a real one). */
function webhookPayload(alerts: Record<string, unknown>[], status = 'firing'): Record<string, unknown> {
  return {
    receiver: 'astreinte',
    status,
    alerts,
    groupLabels: { alertname: 'OSRMDown' },
    commonLabels: { alertname: 'OSRMDown', job: 'osrm' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    version: '4',
    groupKey: '{}:{alertname="OSRMDown"}',
    truncatedAlerts: 0,
  };
}

const firing = {
  status: 'firing',
  labels: osrmLabels,
  annotations: { summary: 'OSRM service unavailable' },
  startsAt: '2024-05-01T11:58:00.123Z',
  endsAt: '0001-01-01T00:00:00Z',
  generatorURL: 'http://prometheus:9090/graph?g0.expr=up+%3D%3D+0&g0.tab=1',
  fingerprint: labelsFingerprint(osrmLabels),
};

describe('parseAlertmanagerWebhook', () => {
  it('reads a firing alert, taking Go zero time as no end', () => {
    expect(parseAlertmanagerWebhook(webhookPayload([firing]), now)).toEqual([
      {
        fingerprint: labelsFingerprint(osrmLabels),
        action: 'trigger',
        labels: osrmLabels,
        annotations: { summary: 'OSRM service unavailable' },
        title: 'OSRM service unavailable',
        severity: 'critical',
        startsAt: new Date('2024-05-01T11:58:00.123Z'),
        endsAt: null,
        sourceUrl: firing.generatorURL,
      },
    ]);
  });

  it("takes each alert's action from its own status, not the group's", () => {
    const resolved = {
      ...firing,
      status: 'resolved',
      endsAt: '2024-05-01T12:05:00Z',
      labels: { ...osrmLabels, instance: '10.0.0.2:5000' },
      fingerprint: undefined,
    };
    const alerts = parseAlertmanagerWebhook(webhookPayload([firing, resolved], 'firing'), now);
    expect(alerts.map((alert) => [alert.action, alert.endsAt])).toEqual([
      ['trigger', null],
      ['resolve', new Date('2024-05-01T12:05:00Z')],
    ]);
  });

  it('keeps the fingerprint Alertmanager gives, in lower case, and computes one when absent', () => {
    const given = { ...firing, fingerprint: 'ABCDEF0123456789' };
    const absent = { ...firing, fingerprint: undefined };
    const blank = { ...firing, fingerprint: '' };
    const fingerprints = parseAlertmanagerWebhook(webhookPayload([given, absent, blank]), now).map(
      (alert) => alert.fingerprint,
    );
    expect(fingerprints).toEqual(['abcdef0123456789', labelsFingerprint(osrmLabels), labelsFingerprint(osrmLabels)]);
  });

  it('accepts a payload without the group fields, which are not used', () => {
    expect(parseAlertmanagerWebhook({ version: '4', alerts: [firing] }, now)).toHaveLength(1);
  });

  it('accepts a group with no alerts', () => {
    expect(parseAlertmanagerWebhook(webhookPayload([]), now)).toEqual([]);
  });

  it('refuses a body that is not an object', () => {
    expect(thrownPaths(() => parseAlertmanagerWebhook([firing], now))).toEqual(['/']);
  });

  it('refuses another payload version, or none', () => {
    expect(thrownIssues(() => parseAlertmanagerWebhook({ ...webhookPayload([firing]), version: '3' }, now))).toEqual([
      { path: '/version', message: 'is "3": only Alertmanager\'s webhook version "4" is read' },
    ]);
    expect(thrownPaths(() => parseAlertmanagerWebhook({ alerts: [firing] }, now))).toEqual(['/version']);
  });

  it('refuses missing or malformed alerts', () => {
    expect(thrownIssues(() => parseAlertmanagerWebhook({ version: '4' }, now))).toEqual([
      { path: '/alerts', message: 'is required: an array of alerts' },
    ]);
    expect(thrownPaths(() => parseAlertmanagerWebhook({ version: '4', alerts: {} }, now))).toEqual(['/alerts']);
  });

  it('refuses group fields of the wrong type, each at its path', () => {
    const payload = {
      ...webhookPayload([firing]),
      status: 'burning',
      receiver: 3,
      groupLabels: [],
      commonLabels: { job: 1 },
      truncatedAlerts: -1,
    };
    expect(thrownPaths(() => parseAlertmanagerWebhook(payload, now))).toEqual([
      '/receiver',
      '/status',
      '/groupLabels',
      '/commonLabels/job',
      '/truncatedAlerts',
    ]);
  });

  it.each([
    ['no status', { ...firing, status: undefined }, ['/alerts/2/status']],
    ['an unknown status', { ...firing, status: 'pending' }, ['/alerts/2/status']],
    ['a bad fingerprint', { ...firing, fingerprint: 'not-hex' }, ['/alerts/2/fingerprint']],
    ['a fingerprint too short', { ...firing, fingerprint: 'abc123' }, ['/alerts/2/fingerprint']],
    ['no labels', { ...firing, labels: undefined }, ['/alerts/2/labels']],
    ['a bad label name', { ...firing, labels: { 'team-name': 'x', alertname: 'A' } }, ['/alerts/2/labels/team-name']],
    ['a bad annotation value', { ...firing, annotations: { summary: ['x'] } }, ['/alerts/2/annotations/summary']],
    ['a bad startsAt', { ...firing, startsAt: '2024-05-01' }, ['/alerts/2/startsAt']],
    ['an end before the start', { ...firing, endsAt: '2024-05-01T11:00:00Z' }, ['/alerts/2/endsAt']],
    ['a bad generatorURL', { ...firing, generatorURL: ['x'] }, ['/alerts/2/generatorURL']],
    ['an alert that is not an object', 'firing', ['/alerts/2']],
  ])('refuses the payload for %s in one alert, at its path', (_name, bad, paths) => {
    expect(
      thrownPaths(() =>
        parseAlertmanagerWebhook(webhookPayload([firing, firing, bad as Record<string, unknown>]), now),
      ),
    ).toEqual(paths);
  });

  it('lists every bad field of every alert at once', () => {
    const payload = webhookPayload([{ ...firing, status: 'up' }, firing, { ...firing, startsAt: 'x', labels: {} }]);
    expect(thrownPaths(() => parseAlertmanagerWebhook(payload, now))).toEqual([
      '/alerts/0/status',
      '/alerts/2/labels',
      '/alerts/2/startsAt',
    ]);
  });

  it(`refuses more than ${maxAlertsPerBatch} alerts as too large`, () => {
    const alerts = Array.from({ length: maxAlertsPerBatch + 1 }, () => firing);
    expect(thrownError(() => parseAlertmanagerWebhook(webhookPayload(alerts), now)).code).toBe('payload_too_large');
  });
});
