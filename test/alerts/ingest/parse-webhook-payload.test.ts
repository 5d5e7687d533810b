import { describe, expect, it } from 'vitest';
import { labelsFingerprint } from '../../../src/alerts/ingest/alert-fingerprint.js';
import { maxAlertsPerBatch } from '../../../src/alerts/ingest/ingest-checks.js';
import { parseWebhookPayload } from '../../../src/alerts/ingest/parse-webhook-payload.js';
import { parseWebhookMapping } from '../../../src/alerts/ingest/webhook-mapping.js';
import { thrownError, thrownIssues, thrownPaths } from './thrown-issues.js';

const now = new Date('2024-05-01T12:00:00Z');

/** Grafana unified alerting's webhook contact point: a batch, one item per alert. */
const grafanaMapping = parseWebhookMapping({
  alerts: '$.alerts',
  title: '$.annotations.summary',
  dedupKey: '$.fingerprint',
  severity: '$.labels.severity',
  status: '$.status',
  labels: { alertname: '$.labels.alertname', team: '$.labels.team' },
  annotations: { value: '$.values.B', description: '$.annotations.description' },
  sourceUrl: '$.generatorURL',
});

function grafanaAlert(status: string, fingerprint: string, summary: string): Record<string, unknown> {
  return {
    status,
    labels: { alertname: 'HighLatency', grafana_folder: 'Routing', team: 'routing', severity: 'warning' },
    annotations: { summary, description: 'p99 of /route over 2 s for 5 minutes' },
    startsAt: '2024-05-01T11:50:00Z',
    endsAt: '0001-01-01T00:00:00Z',
    generatorURL: 'https://grafana.example.com/alerting/grafana/ddlx/view',
    fingerprint,
    silenceURL: 'https://grafana.example.com/alerting/silence/new',
    values: { B: 2.31 },
  };
}

const grafanaPayload = {
  receiver: 'astreinte',
  status: 'firing',
  orgId: 1,
  alerts: [
    grafanaAlert('firing', '57c6d9296de2ad39', 'p99 latency above 2s'),
    grafanaAlert('resolved', '0f8e9a1b2c3d4e5f', 'p99 latency back to normal'),
  ],
  groupLabels: { alertname: 'HighLatency' },
  version: '1',
};

/** A single-check monitor (one payload, one alert), with numbers and booleans in it. */
const monitorMapping = parseWebhookMapping({
  title: '$.check.name',
  status: '$.check.state',
  severity: '$.check.priority',
  labels: { check_id: '$.check.id', public: '$.check.public', region: "$['probe location']" },
  annotations: { response: '$.response' },
});

const monitorPayload = {
  check: { id: 4711, name: 'Routing API\nhealth', state: 'DOWN', priority: 1, public: false },
  'probe location': 'eu-west',
  response: { status: 503, body: 'Service Unavailable' },
};

describe('parseWebhookPayload', () => {
  it('reads a Grafana batch, one alert per item, firing and resolved', () => {
    expect(parseWebhookPayload(grafanaPayload, grafanaMapping, now)).toEqual([
      {
        fingerprint: '57c6d9296de2ad39',
        action: 'trigger',
        labels: { alertname: 'HighLatency', team: 'routing' },
        annotations: { value: '2.31', description: 'p99 of /route over 2 s for 5 minutes' },
        title: 'p99 latency above 2s',
        severity: 'warning',
        startsAt: null,
        endsAt: null,
        sourceUrl: 'https://grafana.example.com/alerting/grafana/ddlx/view',
      },
      expect.objectContaining({
        fingerprint: '0f8e9a1b2c3d4e5f',
        action: 'resolve',
        title: 'p99 latency back to normal',
      }),
    ]);
  });

  it('reads a single payload, turning numbers, booleans and objects into text', () => {
    const title = 'Routing API health';
    const labels = { check_id: '4711', public: 'false', region: 'eu-west' };
    expect(parseWebhookPayload(monitorPayload, monitorMapping, now)).toEqual([
      {
        fingerprint: labelsFingerprint({ title, ...labels }),
        action: 'trigger',
        labels,
        annotations: { response: '{"status":503,"body":"Service Unavailable"}' },
        title,
        severity: '1',
        startsAt: null,
        endsAt: null,
        sourceUrl: null,
      },
    ]);
  });

  it('gives firing and recovery messages of one alert the same default dedup key', () => {
    const [down] = parseWebhookPayload(monitorPayload, monitorMapping, now);
    const [up] = parseWebhookPayload(
      { ...monitorPayload, check: { ...monitorPayload.check, state: 'ok' } },
      monitorMapping,
      now,
    );
    expect(up?.action).toBe('resolve');
    expect(up?.fingerprint).toBe(down?.fingerprint);
    const [elsewhere] = parseWebhookPayload({ ...monitorPayload, 'probe location': 'us-east' }, monitorMapping, now);
    expect(elsewhere?.fingerprint).not.toBe(down?.fingerprint);
  });

  it('falls back to the default dedup key when the mapped one is absent or blank', () => {
    const payload = {
      ...grafanaPayload,
      alerts: [
        { ...grafanaAlert('firing', '', 'Latency'), fingerprint: undefined },
        grafanaAlert('firing', ' ', 'Latency'),
      ],
    };
    const keys = parseWebhookPayload(payload, grafanaMapping, now).map((alert) => alert.fingerprint);
    expect(keys).toEqual([labelsFingerprint({ title: 'Latency', alertname: 'HighLatency', team: 'routing' }), keys[0]]);
  });

  it.each([
    ['resolved', 'resolve'],
    ['OK', 'resolve'],
    [' Recovered ', 'resolve'],
    ['inactive', 'resolve'],
    ['closed', 'resolve'],
    ['Acknowledged', 'acknowledge'],
    ['ack', 'acknowledge'],
    ['firing', 'trigger'],
    ['DOWN', 'trigger'],
    ['', 'trigger'],
  ])('reads the status %j as %s with the default words', (state, action) => {
    const [alert] = parseWebhookPayload(
      { ...monitorPayload, check: { ...monitorPayload.check, state } },
      monitorMapping,
      now,
    );
    expect(alert?.action).toBe(action);
  });

  it('reads the status words the mapping gives instead of the defaults', () => {
    const mapping = parseWebhookMapping({
      title: '$.name',
      status: '$.up',
      resolvedValues: ['true'],
      acknowledgedValues: ['muted'],
    });
    const actions = [true, false, 'muted', null].map(
      (up) => parseWebhookPayload({ name: 'API', up }, mapping, now)[0]?.action,
    );
    expect(actions).toEqual(['resolve', 'trigger', 'acknowledge', 'trigger']);
    expect(parseWebhookPayload({ name: 'API', up: 'ok' }, mapping, now)[0]?.action).toBe('trigger');
  });

  it('leaves out labels and annotations the payload does not have, or has as null', () => {
    const [alert] = parseWebhookPayload({ check: { name: 'API', id: null } }, monitorMapping, now);
    expect(alert).toMatchObject({ labels: {}, annotations: {}, severity: null, action: 'trigger' });
  });

  it('refuses an alert without a title, at the payload path the mapping names', () => {
    expect(thrownIssues(() => parseWebhookPayload({ check: { id: 1 } }, monitorMapping, now))).toEqual([
      { path: '/check/name', message: 'is missing or blank: the mapping takes the title from $.check.name' },
    ]);
    expect(thrownPaths(() => parseWebhookPayload({ check: { name: '  ' } }, monitorMapping, now))).toEqual([
      '/check/name',
    ]);
    expect(thrownPaths(() => parseWebhookPayload('text', monitorMapping, now))).toEqual(['/check/name']);
  });

  it('refuses a whole batch for the items without title, each at its own path', () => {
    const alerts = [
      grafanaAlert('firing', 'a', 'ok'),
      { ...grafanaAlert('firing', 'b', ''), annotations: {} },
      grafanaAlert('firing', 'c', 'ok'),
      { status: 'firing' },
    ];
    expect(thrownPaths(() => parseWebhookPayload({ alerts }, grafanaMapping, now))).toEqual([
      '/alerts/1/annotations/summary',
      '/alerts/3/annotations/summary',
    ]);
  });

  it('refuses a batch payload whose alerts path is not an array', () => {
    expect(thrownIssues(() => parseWebhookPayload({ alerts: { a: 1 } }, grafanaMapping, now))).toEqual([
      { path: '/alerts', message: "must be an array of alerts (the mapping's alerts path $.alerts)" },
    ]);
    const nested = parseWebhookMapping({ alerts: '$.data.items', title: '$.name' });
    expect(thrownPaths(() => parseWebhookPayload({}, nested, now))).toEqual(['/data/items']);
    expect(parseWebhookPayload({ data: { items: [{ name: 'x' }] } }, nested, now)).toHaveLength(1);
  });

  it('refuses a dedup key over 255 characters, at its path', () => {
    const payload = { alerts: [grafanaAlert('firing', 'k'.repeat(256), 'Latency')] };
    expect(thrownPaths(() => parseWebhookPayload(payload, grafanaMapping, now))).toEqual(['/alerts/0/fingerprint']);
  });

  it(`refuses more than ${maxAlertsPerBatch} alerts as too large`, () => {
    const alerts = Array.from({ length: maxAlertsPerBatch + 1 }, () => ({ annotations: { summary: 'x' } }));
    expect(thrownError(() => parseWebhookPayload({ alerts }, grafanaMapping, now)).code).toBe('payload_too_large');
  });

  it('makes one-line titles and stable keys whatever the title holds', () => {
    const mapping = parseWebhookMapping({ title: '$.t' });
    for (const title of ['a\tb', ' x ', 'multi\n\nline\r\ntext', 'é中🚀', '0', 'x'.repeat(3000)]) {
      const [first] = parseWebhookPayload({ t: title }, mapping, now);
      const [again] = parseWebhookPayload({ t: title, other: 1 }, mapping, now);
      expect(first?.title).not.toMatch(/[\n\r\t]|^ | $/);
      expect(first?.title.length).toBeLessThanOrEqual(1024);
      expect(again?.fingerprint).toBe(first?.fingerprint);
    }
  });
});
