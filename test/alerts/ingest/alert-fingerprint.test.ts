import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCodePoints, labelsFingerprint } from '../../../src/alerts/ingest/alert-fingerprint.js';
import { parsePrometheusAlerts } from '../../../src/alerts/ingest/parse-prometheus-alerts.js';
import {
  alertmanagerMissingReason,
  startAlertmanager,
  type AlertmanagerProcess,
} from '../../support/alertmanager-process.js';

/** The definition, slowly: FNV-1a 64 with BigInt over Buffer's UTF-8, names sorted by bytes. */
function referenceFingerprint(labels: Record<string, string>): string {
  let hash = 0xcbf29ce484222325n;
  const add = (byte: number): void => {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  };
  const names = Object.keys(labels).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  for (const name of names) {
    for (const byte of Buffer.from(name)) add(byte);
    add(0xff);
    for (const byte of Buffer.from(labels[name] ?? '')) add(byte);
    add(0xff);
  }
  return hash.toString(16).padStart(16, '0');
}

/** A small deterministic generator, so a failing case can be replayed. */
function randomText(next: () => number, maxLength: number): string {
  const pool = [
    'a',
    'Z',
    '_',
    '0',
    ' ',
    '"',
    '\n',
    'é',
    'ß',
    '中',
    '\u{1F680}',
    '\uE000',
    '\uFFFF',
    '\uD800',
    '\u00FF',
    '~',
    '/',
  ];
  let text = '';
  const length = Math.floor(next() * (maxLength + 1));
  for (let i = 0; i < length; i++) text += pool[Math.floor(next() * pool.length)];
  return text;
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Label sets to compare with Alertmanager; `case` tells them apart in its answer. */
const labelSets: Record<string, string>[] = [
  { case: 'osrm', alertname: 'OSRMDown', job: 'osrm', severity: 'critical', instance: '127.0.0.1:5000' },
  {
    case: 'unicode',
    alertname: 'Ünïcödé',
    city: 'Zürich',
    note: '中文 テスト',
    rocket: '\u{1F680} launch',
    quote: 'say "hi"\nbye',
  },
  { case: 'order', a: '1', A: '2', _: '3', a_b: '4', ab: '5', B: '6', z9: '7' },
  {
    case: 'many',
    ...Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`label_${i}`, `value ${i} ${'x'.repeat(i)}`])),
  },
  { case: 'long', alertname: 'Long', description: 'ü'.repeat(5000) },
];

describe('labelsFingerprint', () => {
  it('gives FNV-1a offset basis for the empty label set, as prometheus/common does', () => {
    expect(labelsFingerprint({})).toBe('cbf29ce484222325');
  });

  it('gives the fingerprints a real Alertmanager 0.25 reported for simple sets', () => {
    expect(labelsFingerprint({ alertname: 'A', job: 'x' })).toBe('593b3fc30668dd0a');
    expect(labelsFingerprint({ a: 'x' })).toBe('d2c7718192a8a294');
  });

  it('does not depend on the order the labels were written in', () => {
    expect(labelsFingerprint({ job: 'osrm', alertname: 'OSRMDown' })).toBe(
      labelsFingerprint({ alertname: 'OSRMDown', job: 'osrm' }),
    );
  });

  it('tells apart sets that only a separator-less hash would confuse', () => {
    expect(labelsFingerprint({ a: 'bc' })).not.toBe(labelsFingerprint({ ab: 'c' }));
    expect(labelsFingerprint({ a: '' })).not.toBe(labelsFingerprint({}));
  });

  it('is always 16 lowercase hex digits and agrees with a BigInt reference on random label sets', () => {
    const next = seeded(42);
    for (let round = 0; round < 500; round++) {
      const labels: Record<string, string> = {};
      const count = Math.floor(next() * 8);
      for (let i = 0; i < count; i++) labels[randomText(next, 6)] = randomText(next, 20);
      const fingerprint = labelsFingerprint(labels);
      expect(fingerprint, JSON.stringify(labels)).toMatch(/^[0-9a-f]{16}$/);
      expect(fingerprint, JSON.stringify(labels)).toBe(referenceFingerprint(labels));
    }
  });

  it('orders names by code point as Go does, even where UTF-16 order differs', () => {
    // `<` compares UTF-16 code units: U+1F680 is the surrogate pair D83D DE80, below FFFF. (Typed
    // `string` so the comparison is not a constant between two literal types.)
    const rocket: string = '\u{1F680}';
    const lastBmp: string = '\uFFFF';
    expect(compareCodePoints(rocket, lastBmp)).toBeGreaterThan(0);
    expect(rocket < lastBmp).toBe(true);
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
    expect(compareCodePoints('b', 'a')).toBeGreaterThan(0);
    expect(compareCodePoints('same', 'same')).toBe(0);
  });
});

const missing = alertmanagerMissingReason();
if (missing !== null) console.warn(`SKIPPING the comparison with a real Alertmanager: ${missing}`);

describe.skipIf(missing !== null)('labelsFingerprint compared with a real Alertmanager', () => {
  let alertmanager: AlertmanagerProcess;
  let reported: Map<string, { fingerprint: string; labels: Record<string, string> }>;

  beforeAll(async () => {
    alertmanager = await startAlertmanager();
    const posted = [
      ...labelSets.map((labels) => ({ labels })),
      { labels: { case: 'empty-value', alertname: 'Dropped', gone: '' } },
    ];
    const response = await fetch(`${alertmanager.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(posted),
    });
    expect(response.status, await response.text()).toBe(200);
    const listed = (await (await fetch(`${alertmanager.url}/api/v2/alerts`)).json()) as {
      fingerprint: string;
      labels: Record<string, string>;
    }[];
    reported = new Map(listed.map((alert) => [alert.labels['case'] ?? '', alert]));
  });

  afterAll(async () => {
    // Unset when beforeAll failed before starting it.
    await (alertmanager as AlertmanagerProcess | undefined)?.stop();
  });

  it.each(labelSets.map((labels) => [labels['case'], labels] as const))(
    'matches Alertmanager on the %s label set',
    (name, labels) => {
      const alert = reported.get(name ?? '');
      expect(alert?.labels).toEqual(labels);
      expect(labelsFingerprint(labels)).toBe(alert?.fingerprint);
    },
  );

  it('matches Alertmanager through the Prometheus parser, which drops empty labels as Alertmanager does', () => {
    const alert = reported.get('empty-value');
    expect(alert?.labels).toEqual({ case: 'empty-value', alertname: 'Dropped' });
    const [parsed] = parsePrometheusAlerts(
      [{ labels: { case: 'empty-value', alertname: 'Dropped', gone: '' } }],
      new Date(),
    );
    expect(parsed?.fingerprint).toBe(alert?.fingerprint);
  });
});
