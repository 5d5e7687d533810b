import { describe, expect, it } from 'vitest';
import {
  pagerDutyErrorBody,
  pagerDutyFieldName,
  parsePagerDutyEvent,
} from '../../../src/alerts/ingest/parse-pagerduty-event.js';
import { AppError } from '../../../src/core/app-error.js';
import { thrownError, thrownIssues, thrownPaths } from './thrown-issues.js';

const now = new Date('2024-05-01T12:00:00Z');
const routingKey = 'R0123456789abcdef0123456789abcde';

/** The trigger from PagerDuty's Events API v2 documentation, with our OSRM service. */
const trigger = {
  routing_key: routingKey,
  event_action: 'trigger',
  dedup_key: 'osrm-down-127.0.0.1:5000',
  payload: {
    summary: 'OSRM service unavailable',
    source: '127.0.0.1:5000',
    severity: 'critical',
    timestamp: '2015-07-17T08:42:58.315+0000',
    component: 'osrm',
    group: 'routing',
    class: 'availability',
    custom_details: { ping_time: '1500ms', load_avg: 0.75 },
  },
  images: [{ src: 'https://chart.example.com/osrm.png', href: 'https://example.com/', alt: 'Example text' }],
  links: [{ href: 'https://grafana.example.com/d/osrm', text: 'OSRM dashboard' }],
  client: 'Sample Monitoring Service',
  client_url: 'https://monitoring.example.com',
};

describe('parsePagerDutyEvent', () => {
  it('reads a trigger as PagerDuty documents it', () => {
    expect(parsePagerDutyEvent(trigger, now)).toEqual({
      routingKey,
      dedupKey: 'osrm-down-127.0.0.1:5000',
      alert: {
        fingerprint: 'osrm-down-127.0.0.1:5000',
        action: 'trigger',
        labels: {
          source: '127.0.0.1:5000',
          component: 'osrm',
          group: 'routing',
          class: 'availability',
          severity: 'critical',
        },
        annotations: { summary: 'OSRM service unavailable', details: '{"ping_time":"1500ms","load_avg":0.75}' },
        title: 'OSRM service unavailable',
        severity: 'critical',
        startsAt: new Date('2015-07-17T08:42:58.315Z'),
        endsAt: null,
        sourceUrl: 'https://monitoring.example.com',
      },
    });
  });

  it('reads a minimal trigger: summary, source and severity', () => {
    const { alert } = parsePagerDutyEvent(
      {
        routing_key: routingKey,
        event_action: 'trigger',
        payload: { summary: 'Disk full', source: 'db-1', severity: 'warning' },
      },
      now,
    );
    expect(alert).toMatchObject({
      labels: { source: 'db-1', severity: 'warning' },
      annotations: { summary: 'Disk full' },
      startsAt: null,
      sourceUrl: null,
    });
  });

  it('generates a random dedup key for a trigger without one, and reports it', () => {
    const event = { ...trigger, dedup_key: undefined };
    const first = parsePagerDutyEvent(event, now);
    const second = parsePagerDutyEvent(event, now);
    expect(first.dedupKey).toMatch(/^[0-9a-f]{32}$/);
    expect(first.alert.fingerprint).toBe(first.dedupKey);
    expect(second.dedupKey).not.toBe(first.dedupKey);
  });

  it('keeps custom details given as text as they are', () => {
    const { alert } = parsePagerDutyEvent(
      { ...trigger, payload: { ...trigger.payload, custom_details: 'free text' } },
      now,
    );
    expect(alert.annotations['details']).toBe('free text');
  });

  it('links back through the first link when there is no client_url', () => {
    const { alert } = parsePagerDutyEvent({ ...trigger, client_url: undefined }, now);
    expect(alert.sourceUrl).toBe('https://grafana.example.com/d/osrm');
  });

  it('reads acknowledge and resolve by dedup key alone, without a payload', () => {
    for (const action of ['acknowledge', 'resolve'] as const) {
      const event = parsePagerDutyEvent({ routing_key: routingKey, event_action: action, dedup_key: 'osrm-down' }, now);
      expect(event).toMatchObject({
        dedupKey: 'osrm-down',
        alert: { fingerprint: 'osrm-down', action, title: 'osrm-down', labels: {}, severity: null },
      });
    }
  });

  it('ignores the payload of a resolve, as PagerDuty does, but uses its summary as title', () => {
    const event = parsePagerDutyEvent(
      {
        routing_key: routingKey,
        event_action: 'resolve',
        dedup_key: 'k',
        payload: { summary: 'OSRM is back', severity: 'bogus' },
      },
      now,
    );
    expect(event.alert).toMatchObject({ action: 'resolve', title: 'OSRM is back', severity: null });
  });

  it('refuses a body that is not an object', () => {
    expect(thrownPaths(() => parsePagerDutyEvent('trigger', now))).toEqual(['/']);
  });

  it.each([
    ['no routing key', { ...trigger, routing_key: undefined }, ['/routing_key']],
    ['a blank routing key', { ...trigger, routing_key: '  ' }, ['/routing_key']],
    ['a numeric routing key', { ...trigger, routing_key: 42 }, ['/routing_key']],
    ['no event action', { ...trigger, event_action: undefined }, ['/event_action']],
    ['an unknown event action', { ...trigger, event_action: 'snooze' }, ['/event_action']],
    ['a numeric dedup key', { ...trigger, dedup_key: 7 }, ['/dedup_key']],
    ['a dedup key over 255 characters', { ...trigger, dedup_key: 'k'.repeat(256) }, ['/dedup_key']],
    ['a trigger without payload', { ...trigger, payload: undefined }, ['/payload']],
    ['a payload that is a string', { ...trigger, payload: 'down' }, ['/payload']],
    ['no summary', { ...trigger, payload: { ...trigger.payload, summary: undefined } }, ['/payload/summary']],
    [
      'a summary over 1024 characters',
      { ...trigger, payload: { ...trigger.payload, summary: 's'.repeat(1025) } },
      ['/payload/summary'],
    ],
    ['no source', { ...trigger, payload: { ...trigger.payload, source: '' } }, ['/payload/source']],
    ['no severity', { ...trigger, payload: { ...trigger.payload, severity: undefined } }, ['/payload/severity']],
    ['an unknown severity', { ...trigger, payload: { ...trigger.payload, severity: 'P1' } }, ['/payload/severity']],
    [
      'a bad timestamp',
      { ...trigger, payload: { ...trigger.payload, timestamp: 'last night' } },
      ['/payload/timestamp'],
    ],
    ['a numeric component', { ...trigger, payload: { ...trigger.payload, component: 3 } }, ['/payload/component']],
    ['links that are not an array', { ...trigger, links: { href: 'x' } }, ['/links']],
    ['a link without href', { ...trigger, links: [{ text: 'dashboard' }] }, ['/links/0/href']],
    ['an image without src', { ...trigger, images: [{ src: 'a' }, { href: 'x' }] }, ['/images/1/src']],
    ['a numeric client_url', { ...trigger, client_url: 1 }, ['/client_url']],
  ])('refuses %s, at its path', (_name, event, paths) => {
    expect(thrownPaths(() => parsePagerDutyEvent(event, now))).toEqual(paths);
  });

  it('needs a dedup key to acknowledge or resolve', () => {
    expect(thrownIssues(() => parsePagerDutyEvent({ routing_key: routingKey, event_action: 'resolve' }, now))).toEqual([
      { path: '/dedup_key', message: 'is required to resolve' },
    ]);
    expect(
      thrownPaths(() =>
        parsePagerDutyEvent({ routing_key: routingKey, event_action: 'acknowledge', dedup_key: '' }, now),
      ),
    ).toEqual(['/dedup_key']);
  });

  it('lists every bad field at once, the payload included when the action is wrong', () => {
    const event = { event_action: 'trigge', payload: { summary: '', source: 'x', severity: 'high' } };
    expect(thrownPaths(() => parsePagerDutyEvent(event, now))).toEqual([
      '/routing_key',
      '/event_action',
      '/payload/summary',
      '/payload/severity',
    ]);
  });
});

describe('pagerDutyErrorBody', () => {
  it("answers a bad event in PagerDuty's words, one sentence per field", () => {
    const error = thrownError(() =>
      parsePagerDutyEvent(
        { routing_key: routingKey, event_action: 'trigger', payload: { source: 'x', severity: 'bad' }, links: [{}] },
        now,
      ),
    );
    expect(pagerDutyErrorBody(error)).toEqual({
      status: 'invalid event',
      message: 'Event object is invalid',
      errors: [
        "'payload.summary' is missing or blank",
        "'payload.severity' is invalid (must be one of 'critical', 'error', 'warning' or 'info')",
        "'links[0].href' is missing or blank",
      ],
    });
  });

  it('gives the message of an error without field issues', () => {
    expect(pagerDutyErrorBody(new AppError('validation_failed', 'the body is not valid JSON')).errors).toEqual([
      'the body is not valid JSON',
    ]);
  });

  it('names fields as PagerDuty does', () => {
    expect(pagerDutyFieldName('/')).toBe('event');
    expect(pagerDutyFieldName('/routing_key')).toBe('routing_key');
    expect(pagerDutyFieldName('/images/2/src')).toBe('images[2].src');
    expect(pagerDutyFieldName('/payload/custom_details/a~1b')).toBe('payload.custom_details.a/b');
  });
});
