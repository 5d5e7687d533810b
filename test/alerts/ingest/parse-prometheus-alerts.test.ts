import { describe, expect, it } from 'vitest';
import { labelsFingerprint } from '../../../src/alerts/ingest/alert-fingerprint.js';
import { maxAlertsPerBatch } from '../../../src/alerts/ingest/ingest-checks.js';
import { parsePrometheusAlerts } from '../../../src/alerts/ingest/parse-prometheus-alerts.js';
import { thrownError, thrownIssues, thrownPaths } from './thrown-issues.js';

const now = new Date('2024-05-01T12:00:00Z');
const osrmLabels = { alertname: 'OSRMDown', job: 'osrm', severity: 'critical', instance: '127.0.0.1:5000' };

/** What Prometheus 2.x posts for a firing alert: endsAt a few evaluation intervals ahead. */
const firingOsrm = {
  labels: osrmLabels,
  annotations: {
    summary: 'OSRM service unavailable',
    description: 'OSRM on 127.0.0.1:5000 has been down for 2 minutes.',
  },
  startsAt: '2024-05-01T11:58:00.123Z',
  endsAt: '2024-05-01T12:04:00Z',
  generatorURL: 'http://prometheus:9090/graph?g0.expr=up%7Bjob%3D%22osrm%22%7D+%3D%3D+0&g0.tab=1',
};

describe('parsePrometheusAlerts', () => {
  it('reads a firing alert as Prometheus sends it', () => {
    expect(parsePrometheusAlerts([firingOsrm], now)).toEqual([
      {
        fingerprint: labelsFingerprint(osrmLabels),
        action: 'trigger',
        labels: osrmLabels,
        annotations: firingOsrm.annotations,
        title: 'OSRM service unavailable',
        severity: 'critical',
        startsAt: new Date('2024-05-01T11:58:00.123Z'),
        endsAt: new Date('2024-05-01T12:04:00Z'),
        sourceUrl: firingOsrm.generatorURL,
      },
    ]);
  });

  it('reads an alert whose end has come as resolved, and one still ending later as firing', () => {
    const [past, exact, future] = parsePrometheusAlerts(
      [
        { ...firingOsrm, endsAt: '2024-05-01T11:59:00Z' },
        { ...firingOsrm, endsAt: '2024-05-01T12:00:00Z' },
        { ...firingOsrm, endsAt: '2024-05-01T12:00:00.001Z' },
      ],
      now,
    );
    expect([past?.action, exact?.action, future?.action]).toEqual(['resolve', 'resolve', 'trigger']);
  });

  it('gives firing and resolved messages of one alert the same fingerprint', () => {
    const [firing, resolved] = parsePrometheusAlerts(
      [firingOsrm, { ...firingOsrm, endsAt: '2024-05-01T11:59:30Z' }],
      now,
    );
    expect(resolved?.fingerprint).toBe(firing?.fingerprint);
  });

  it('fires an alert with only labels, saying nothing of times, annotations or source', () => {
    const [alert] = parsePrometheusAlerts([{ labels: { alertname: 'Watchdog' } }], now);
    expect(alert).toMatchObject({
      action: 'trigger',
      annotations: {},
      title: 'Watchdog',
      severity: null,
      startsAt: null,
      endsAt: null,
      sourceUrl: null,
    });
  });

  it('reads JSON nulls, Go zero times and an empty generatorURL as not said', () => {
    const [alert] = parsePrometheusAlerts(
      [
        {
          labels: { alertname: 'A' },
          annotations: null,
          startsAt: '0001-01-01T00:00:00Z',
          endsAt: null,
          generatorURL: '',
        },
      ],
      now,
    );
    expect(alert).toMatchObject({ action: 'trigger', annotations: {}, startsAt: null, endsAt: null, sourceUrl: null });
  });

  it('takes the title from the summary, else the alertname, else the first label by name', () => {
    const alerts = parsePrometheusAlerts(
      [
        { labels: { alertname: 'DiskFull' }, annotations: { summary: '  Disk\n  almost   full ' } },
        { labels: { alertname: 'DiskFull' }, annotations: { summary: '   ', description: 'x' } },
        { labels: { zone: 'b', instance: 'db-1' } },
      ],
      now,
    );
    expect(alerts.map((alert) => alert.title)).toEqual(['Disk almost full', 'DiskFull', 'instance=db-1']);
  });

  it('drops labels with empty values, as Alertmanager does, fingerprint included', () => {
    const [alert] = parsePrometheusAlerts([{ labels: { alertname: 'A', team: '' } }], now);
    expect(alert?.labels).toEqual({ alertname: 'A' });
    expect(alert?.fingerprint).toBe(labelsFingerprint({ alertname: 'A' }));
  });

  it('ignores fields Alertmanager does not know', () => {
    expect(
      parsePrometheusAlerts([{ labels: { alertname: 'A' }, status: 'firing', extra: { x: 1 } }], now),
    ).toHaveLength(1);
  });

  it('accepts an empty batch', () => {
    expect(parsePrometheusAlerts([], now)).toEqual([]);
  });

  it('refuses a body that is not an array', () => {
    expect(thrownIssues(() => parsePrometheusAlerts({ labels: osrmLabels }, now))).toEqual([
      { path: '/', message: 'must be a JSON array of alerts' },
    ]);
  });

  it.each([
    ['no labels', {}, ['/0/labels']],
    ['null labels', { labels: null }, ['/0/labels']],
    ['empty labels', { labels: {} }, ['/0/labels']],
    ['labels with only empty values', { labels: { a: '' } }, ['/0/labels']],
    ['labels as an array', { labels: ['a'] }, ['/0/labels']],
    ['a label name starting with a digit', { labels: { '1a': 'x', b: 'y' } }, ['/0/labels/1a']],
    ['a label name with a dash', { labels: { 'a-b': 'x' } }, ['/0/labels/a-b']],
    ['a label name with a slash, escaped in the path', { labels: { 'a/b~c': 'x' } }, ['/0/labels/a~1b~0c']],
    ['a number as label value', { labels: { alertname: 5 } }, ['/0/labels/alertname']],
    ['a null label value', { labels: { alertname: null, job: 'x' } }, ['/0/labels/alertname']],
    ['annotations as a string', { labels: { a: 'x' }, annotations: 'down' }, ['/0/annotations']],
    [
      'an annotation name with a dash',
      { labels: { a: 'x' }, annotations: { 'run-book': 'x' } },
      ['/0/annotations/run-book'],
    ],
    [
      'an annotation value as an object',
      { labels: { a: 'x' }, annotations: { summary: { text: 'x' } } },
      ['/0/annotations/summary'],
    ],
    ['startsAt not a date', { labels: { a: 'x' }, startsAt: 'yesterday' }, ['/0/startsAt']],
    ['endsAt as a number', { labels: { a: 'x' }, endsAt: 1714564800 }, ['/0/endsAt']],
    [
      'endsAt before startsAt',
      { labels: { a: 'x' }, startsAt: '2024-05-01T12:00:00Z', endsAt: '2024-05-01T11:00:00Z' },
      ['/0/endsAt'],
    ],
    ['generatorURL as a number', { labels: { a: 'x' }, generatorURL: 5 }, ['/0/generatorURL']],
    ['a relative generatorURL', { labels: { a: 'x' }, generatorURL: 'graph' }, ['/0/generatorURL']],
  ])('refuses %s, with the issue at its path', (_name, alert, paths) => {
    expect(thrownPaths(() => parsePrometheusAlerts([alert], now))).toEqual(paths);
  });

  it('refuses an item that is not an object at its index', () => {
    expect(thrownPaths(() => parsePrometheusAlerts([firingOsrm, null, 'x'], now))).toEqual(['/1', '/2']);
  });

  it('refuses the whole batch and lists every bad field of every alert', () => {
    const batch = [
      firingOsrm,
      { ...firingOsrm, startsAt: 'soon' },
      firingOsrm,
      { labels: { alertname: 7, 'bad name': 'x' }, annotations: { summary: 1 } },
    ];
    expect(thrownIssues(() => parsePrometheusAlerts(batch, now))).toEqual([
      { path: '/1/startsAt', message: 'must be an RFC 3339 timestamp such as 2024-05-01T12:00:00Z' },
      { path: '/3/labels/alertname', message: 'must be a string' },
      { path: '/3/labels/bad name', message: 'is not a valid name: it must match ^[a-zA-Z_][a-zA-Z0-9_]*$' },
      { path: '/3/annotations/summary', message: 'must be a string' },
    ]);
  });

  it('names the issues in the error message too, for logs', () => {
    expect(thrownError(() => parsePrometheusAlerts([{}], now)).message).toBe(
      'invalid Prometheus alerts: /0/labels is required: at least one label',
    );
  });

  it(`accepts ${maxAlertsPerBatch} alerts and refuses one more as too large`, () => {
    const batch = Array.from({ length: maxAlertsPerBatch }, (_, i) => ({
      labels: { alertname: 'Load', instance: `host-${i}` },
    }));
    expect(parsePrometheusAlerts(batch, now)).toHaveLength(maxAlertsPerBatch);
    const error = thrownError(() => parsePrometheusAlerts([...batch, batch[0]], now));
    expect(error.code).toBe('payload_too_large');
    expect(error.details).toEqual({ limit: maxAlertsPerBatch, count: maxAlertsPerBatch + 1 });
  });

  it('keeps a label named __proto__ as a label', () => {
    const [alert] = parsePrometheusAlerts(JSON.parse('[{"labels":{"__proto__":"x","alertname":"A"}}]'), now);
    expect(Object.keys(alert?.labels ?? {})).toEqual(['__proto__', 'alertname']);
    expect(alert?.fingerprint).toBe(
      labelsFingerprint(JSON.parse('{"__proto__":"x","alertname":"A"}') as Record<string, string>),
    );
  });
});
