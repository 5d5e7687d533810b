import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePrometheusAlerts } from '../../../src/alerts/ingest/parse-prometheus-alerts.js';
import { AppError } from '../../../src/core/app-error.js';
import {
  alertmanagerMissingReason,
  startAlertmanager,
  type AlertmanagerProcess,
} from '../../support/alertmanager-process.js';

/**
 * Posts the same bodies to a real Alertmanager and to the parser: what one refuses, the other must
 * refuse. (Alertmanager stores the valid alerts of a batch it refuses; the parser stores none.)
 */
const cases: [name: string, body: unknown][] = [
  ['a plain alert', [{ labels: { alertname: 'A', job: 'x' } }]],
  [
    'an alert with every field',
    [
      {
        labels: { alertname: 'A' },
        annotations: { summary: 's' },
        startsAt: '2024-01-01T00:00:00.123456789Z',
        endsAt: '2024-01-01T01:00:00+01:00',
        generatorURL: 'http://prometheus:9090/graph',
      },
    ],
  ],
  [
    'nulls for optional fields',
    [{ labels: { a: 'x' }, startsAt: null, endsAt: null, annotations: null, generatorURL: null }],
  ],
  ['an empty label value beside others', [{ labels: { a: 'x', b: '' } }]],
  ['an empty annotation value', [{ labels: { a: 'x' }, annotations: { s: '' } }]],
  ['an unknown field', [{ labels: { a: 'x' }, extra: 1 }]],
  ['Go zero time as start', [{ labels: { a: 'x' }, startsAt: '0001-01-01T00:00:00Z' }]],
  ['an absolute path as generatorURL', [{ labels: { a: 'x' }, generatorURL: '/graph' }]],
  ['an empty generatorURL', [{ labels: { a: 'x' }, generatorURL: '' }]],
  ['a mailto generatorURL', [{ labels: { a: 'x' }, generatorURL: 'mailto:ops@example.com' }]],
  ['an object, not an array', { labels: { a: 'x' } }],
  ['no labels', [{ annotations: { a: 'x' } }]],
  ['null labels', [{ labels: null }]],
  ['empty labels', [{ labels: {} }]],
  ['only empty label values', [{ labels: { a: '' } }]],
  ['a label name starting with a digit', [{ labels: { '1a': 'x' } }]],
  ['a label name with a dash', [{ labels: { 'a-b': 'x' } }]],
  ['a label name with a dot', [{ labels: { 'a.b': 'x' } }]],
  ['an annotation name with a dash', [{ labels: { a: 'x' }, annotations: { 'b-c': 'x' } }]],
  ['a number as label value', [{ labels: { a: 5 } }]],
  ['a date that is not one', [{ labels: { a: 'x' }, startsAt: 'nope' }]],
  ['a date with a basic offset', [{ labels: { a: 'x' }, startsAt: '2024-01-01T00:00:00+0000' }]],
  ['a date with lower-case t and z', [{ labels: { a: 'x' }, startsAt: '2024-01-01t00:00:00z' }]],
  ['February 30th', [{ labels: { a: 'x' }, startsAt: '2024-02-30T00:00:00Z' }]],
  ['a leap second', [{ labels: { a: 'x' }, startsAt: '2024-01-01T23:59:60Z' }]],
  [
    'an end before the start',
    [{ labels: { a: 'x' }, startsAt: '2024-01-01T00:00:00Z', endsAt: '2023-01-01T00:00:00Z' }],
  ],
  ['a relative generatorURL', [{ labels: { a: 'x' }, generatorURL: 'x' }]],
  ['a generatorURL with a space in the host', [{ labels: { a: 'x' }, generatorURL: 'http://a b/graph' }]],
  ['a generatorURL with an unclosed IPv6 host', [{ labels: { a: 'x' }, generatorURL: 'http://[::1/graph' }]],
  ['a number as generatorURL', [{ labels: { a: 'x' }, generatorURL: 5 }]],
];

function parserAccepts(body: unknown): boolean {
  try {
    parsePrometheusAlerts(body, new Date());
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') return false;
    throw error;
  }
}

const missing = alertmanagerMissingReason();
if (missing !== null)
  console.warn(`SKIPPING the Prometheus validation comparison with a real Alertmanager: ${missing}`);

describe.skipIf(missing !== null)('parsePrometheusAlerts compared with a real Alertmanager', () => {
  let alertmanager: AlertmanagerProcess;

  beforeAll(async () => {
    alertmanager = await startAlertmanager();
  });

  afterAll(async () => {
    // Unset when beforeAll failed before starting it.
    await (alertmanager as AlertmanagerProcess | undefined)?.stop();
  });

  it.each(cases)('agrees with Alertmanager on %s', async (_name, body) => {
    const response = await fetch(`${alertmanager.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await response.text();
    expect(response.status === 200 || (response.status >= 400 && response.status < 500), answer).toBe(true);
    expect(parserAccepts(body), `Alertmanager answered ${response.status} ${answer}`).toBe(response.status === 200);
  });
});
