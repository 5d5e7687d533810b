import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import type { FieldIssue } from '../../core/app-error.js';
import { addIssue, childPath, throwIfIssues } from './ingest-checks.js';
import { JsonPathSyntaxError, parseJsonPath, type JsonPath } from './json-path.js';

/** Status words that resolve an alert unless the mapping says otherwise (compared ignoring case). */
export const defaultResolvedValues = ['resolved', 'ok', 'closed', 'recovered', 'inactive'] as const;
/** Status words that acknowledge an alert unless the mapping says otherwise. */
export const defaultAcknowledgedValues = ['acknowledged', 'ack'] as const;

const pathSchema = Type.String({
  minLength: 1,
  maxLength: 500,
  description: "a JSONPath: $, .name, ['any name'], [0]",
  examples: ['$.alert.title'],
});
const statusWordsSchema = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 });
const labelNameSchema = Type.String({ pattern: '^[a-zA-Z_][a-zA-Z0-9_]*$' });

/**
 * Where a generic webhook's payload holds each part of an alert. With `alerts`, the payload is a
 * batch: `alerts` points to the array, and every other path is relative to each of its items.
 */
export const WebhookMappingSchema = Type.Object(
  {
    alerts: Type.Optional(
      Type.String({ ...pathSchema, description: 'path to an array of alerts, for batched payloads' }),
    ),
    title: pathSchema,
    dedupKey: Type.Optional(pathSchema),
    severity: Type.Optional(pathSchema),
    status: Type.Optional(pathSchema),
    resolvedValues: Type.Optional(statusWordsSchema),
    acknowledgedValues: Type.Optional(statusWordsSchema),
    labels: Type.Optional(Type.Record(labelNameSchema, pathSchema, { additionalProperties: false, maxProperties: 50 })),
    annotations: Type.Optional(
      Type.Record(labelNameSchema, pathSchema, { additionalProperties: false, maxProperties: 50 }),
    ),
    sourceUrl: Type.Optional(pathSchema),
  },
  { additionalProperties: false, title: 'WebhookMapping' },
);
export type WebhookMapping = Static<typeof WebhookMappingSchema>;

/** A mapping checked, its paths parsed and its defaults filled in: what ingestion reads. */
export interface CompiledWebhookMapping {
  alerts: JsonPath | null;
  title: JsonPath;
  dedupKey: JsonPath | null;
  severity: JsonPath | null;
  status: JsonPath | null;
  /** Lower case, for comparing ignoring case. */
  resolvedValues: ReadonlySet<string>;
  acknowledgedValues: ReadonlySet<string>;
  labels: ReadonlyArray<readonly [string, JsonPath]>;
  annotations: ReadonlyArray<readonly [string, JsonPath]>;
  sourceUrl: JsonPath | null;
}

/** Schema errors in words for people: TypeBox reports a refused key twice, and tersely. */
function schemaIssues(value: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const error of Value.Errors(WebhookMappingSchema, value)) {
    if (error.keyword === 'additionalProperties') continue; // reported again, per key, as `boolean`
    if (error.keyword === 'required') {
      // Reported on the parent; the missing field itself is the more useful path.
      const names = (error.params as { requiredProperties?: string[] }).requiredProperties ?? [];
      for (const name of names) addIssue(issues, childPath(error.instancePath, name), 'is required');
      continue;
    }
    const inMap = /^\/(labels|annotations)\//.test(error.instancePath);
    const message =
      error.keyword !== 'boolean'
        ? error.message
        : inMap
          ? 'is not a valid name: it must match ^[a-zA-Z_][a-zA-Z0-9_]*$'
          : 'is not a mapping field';
    addIssue(issues, error.instancePath, message);
  }
  return issues;
}

/**
 * Checks a webhook mapping and compiles it. Throws one validation error naming every bad field,
 * a path that does not parse included (`/labels/team`), so a bad mapping is refused when it is
 * saved rather than met at ingestion.
 */
export function parseWebhookMapping(value: unknown): CompiledWebhookMapping {
  const issues = schemaIssues(value);
  throwIfIssues('webhook mapping', issues);
  const mapping = value as WebhookMapping;
  const compile = (text: string, path: string): JsonPath => {
    try {
      return parseJsonPath(text);
    } catch (error) {
      if (!(error instanceof JsonPathSyntaxError)) throw error;
      addIssue(issues, path, error.message);
      return { text, segments: [] };
    }
  };
  const optional = (key: 'alerts' | 'dedupKey' | 'severity' | 'status' | 'sourceUrl'): JsonPath | null => {
    const text = mapping[key];
    return text === undefined ? null : compile(text, `/${key}`);
  };
  const entries = (key: 'labels' | 'annotations'): [string, JsonPath][] =>
    Object.entries(mapping[key] ?? {}).map(([name, text]) => [name, compile(text, childPath(`/${key}`, name))]);
  const compiled: CompiledWebhookMapping = {
    alerts: optional('alerts'),
    title: compile(mapping.title, '/title'),
    dedupKey: optional('dedupKey'),
    severity: optional('severity'),
    status: optional('status'),
    resolvedValues: new Set((mapping.resolvedValues ?? defaultResolvedValues).map((word) => word.toLowerCase())),
    acknowledgedValues: new Set(
      (mapping.acknowledgedValues ?? defaultAcknowledgedValues).map((word) => word.toLowerCase()),
    ),
    labels: entries('labels'),
    annotations: entries('annotations'),
    sourceUrl: optional('sourceUrl'),
  };
  throwIfIssues('webhook mapping', issues);
  return compiled;
}
