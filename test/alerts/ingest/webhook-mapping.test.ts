import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { parseJsonPath } from '../../../src/alerts/ingest/json-path.js';
import {
  defaultAcknowledgedValues,
  defaultResolvedValues,
  parseWebhookMapping,
  WebhookMappingSchema,
} from '../../../src/alerts/ingest/webhook-mapping.js';
import { thrownError, thrownIssues, thrownPaths } from './thrown-issues.js';

describe('parseWebhookMapping', () => {
  it('compiles a full mapping', () => {
    const mapping = parseWebhookMapping({
      alerts: '$.alerts',
      title: '$.labels.alertname',
      dedupKey: '$.fingerprint',
      severity: '$.labels.severity',
      status: '$.status',
      resolvedValues: ['Resolved', 'OK'],
      acknowledgedValues: ['Acked'],
      labels: { team: "$.labels['team.name']", host: '$.host' },
      annotations: { value: '$.values.B' },
      sourceUrl: '$.panelURL',
    });
    expect(mapping).toEqual({
      alerts: parseJsonPath('$.alerts'),
      title: parseJsonPath('$.labels.alertname'),
      dedupKey: parseJsonPath('$.fingerprint'),
      severity: parseJsonPath('$.labels.severity'),
      status: parseJsonPath('$.status'),
      resolvedValues: new Set(['resolved', 'ok']),
      acknowledgedValues: new Set(['acked']),
      labels: [
        ['team', parseJsonPath("$.labels['team.name']")],
        ['host', parseJsonPath('$.host')],
      ],
      annotations: [['value', parseJsonPath('$.values.B')]],
      sourceUrl: parseJsonPath('$.panelURL'),
    });
  });

  it('fills in the defaults of a mapping with only a title', () => {
    expect(parseWebhookMapping({ title: '$.title' })).toEqual({
      alerts: null,
      title: parseJsonPath('$.title'),
      dedupKey: null,
      severity: null,
      status: null,
      resolvedValues: new Set(defaultResolvedValues),
      acknowledgedValues: new Set(defaultAcknowledgedValues),
      labels: [],
      annotations: [],
      sourceUrl: null,
    });
  });

  it('refuses a mapping that is not an object, or has no title', () => {
    expect(thrownPaths(() => parseWebhookMapping('$.title'))).toEqual(['/']);
    expect(thrownPaths(() => parseWebhookMapping({ severity: '$.level' }))).toEqual(['/title']);
  });

  it('refuses unknown fields and bad label names, each at its path', () => {
    expect(
      thrownIssues(() =>
        parseWebhookMapping({ title: '$.t', priority: '$.p', labels: { 'team-name': '$.team', ok: '$.ok' } }),
      ),
    ).toEqual([
      { path: '/priority', message: 'is not a mapping field' },
      { path: '/labels/team-name', message: 'is not a valid name: it must match ^[a-zA-Z_][a-zA-Z0-9_]*$' },
    ]);
  });

  it('refuses values of the wrong type, each at its path', () => {
    const paths = thrownPaths(() =>
      parseWebhookMapping({
        title: 5,
        resolvedValues: 'ok',
        acknowledgedValues: ['ack', 3],
        annotations: { note: {} },
      }),
    );
    expect(paths.sort()).toEqual(['/acknowledgedValues/1', '/annotations/note', '/resolvedValues', '/title']);
  });

  it('refuses every path that does not parse, saying why', () => {
    const issues = thrownIssues(() =>
      parseWebhookMapping({
        alerts: 'alerts',
        title: '$..title',
        labels: { team: '$.labels[team]', ok: '$.ok' },
        sourceUrl: '$.url',
      }),
    );
    expect(issues.map((issue) => issue.path)).toEqual(['/alerts', '/title', '/labels/team']);
    expect(issues[1]?.message).toBe(
      `bad JSONPath "$..title" at character 3: expected a name after '.' (write ['…'] for other names)`,
    );
  });

  it('throws a validation error whose message names the fields', () => {
    const error = thrownError(() => parseWebhookMapping({}));
    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain('/title');
  });

  it('has a schema that accepts what it compiles, for routes and OpenAPI', () => {
    expect(Value.Check(WebhookMappingSchema, { title: '$.title', labels: { team: '$.team' } })).toBe(true);
    expect(Value.Check(WebhookMappingSchema, { title: '' })).toBe(false);
  });
});
