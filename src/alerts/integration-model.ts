import { Type, type Static } from 'typebox';
import { SeveritySchema, type Severity } from '../incidents/incident-model.js';

const LabelNameSchema = Type.String({ pattern: '^[a-zA-Z_][a-zA-Z0-9_]*$' });

/** How an integration's alerts become incidents; every field has a default. */
export const IntegrationSettingsSchema = Type.Object(
  {
    groupBy: Type.Optional(
      Type.Array(LabelNameSchema, {
        maxItems: 20,
        uniqueItems: true,
        description:
          'labels whose values group alerts into one incident; default ["alertname"]; [] groups all alerts of the integration',
      }),
    ),
    groupWindowMinutes: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1, maximum: 525_600 }), Type.Null()], {
        description:
          "alerts join their group's open incident only while it is younger than this; null (default): while it is open",
      }),
    ),
    autoResolve: Type.Optional(
      Type.Boolean({ description: 'resolve the incident when all its alerts have resolved (default true)' }),
    ),
    severityMap: Type.Optional(
      Type.Record(Type.String({ minLength: 1, maxLength: 50 }), SeveritySchema, {
        description: 'sender severity word (lower case) → P1…P4, over the defaults',
      }),
    ),
    defaultSeverity: Type.Optional(SeveritySchema),
    serviceLabels: Type.Optional(
      Type.Array(LabelNameSchema, {
        maxItems: 10,
        description: 'labels naming the service, first match wins; default ["service", "app", "job"]',
      }),
    ),
    serviceMap: Type.Optional(
      Type.Record(Type.String({ minLength: 1, maxLength: 200 }), Type.String({ minLength: 1 }), {
        description: 'label value → service id, for values that are not service ids',
      }),
    ),
    mapping: Type.Optional(
      Type.Unknown({ description: 'generic webhooks: where title, severity, dedup key and status are in the payload' }),
    ),
    heartbeat: Type.Optional(
      Type.Object(
        {
          periodSeconds: Type.Integer({ minimum: 10, maximum: 31_536_000 }),
          graceSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 31_536_000 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, title: 'IntegrationSettings' },
);
export type IntegrationSettings = Static<typeof IntegrationSettingsSchema>;

/** Severity words senders use, and the priority they get unless an integration says otherwise. */
export const defaultSeverityMap: Readonly<Record<string, Severity>> = {
  critical: 'P1',
  crit: 'P1',
  fatal: 'P1',
  emergency: 'P1',
  page: 'P1',
  disaster: 'P1',
  p1: 'P1',
  sev1: 'P1',
  error: 'P2',
  high: 'P2',
  major: 'P2',
  p2: 'P2',
  sev2: 'P2',
  warning: 'P3',
  warn: 'P3',
  medium: 'P3',
  average: 'P3',
  minor: 'P3',
  p3: 'P3',
  sev3: 'P3',
  info: 'P4',
  informational: 'P4',
  low: 'P4',
  notice: 'P4',
  none: 'P4',
  p4: 'P4',
  sev4: 'P4',
};

/** Settings with every default filled in: what the ingest pipeline reads. */
export interface EffectiveSettings {
  groupBy: string[];
  groupWindowMinutes: number | null;
  autoResolve: boolean;
  severityMap: Readonly<Record<string, Severity>>;
  defaultSeverity: Severity;
  serviceLabels: string[];
  serviceMap: Readonly<Record<string, string>>;
}

export function effectiveSettings(settings: IntegrationSettings): EffectiveSettings {
  const lowerCased = Object.fromEntries(
    Object.entries(settings.severityMap ?? {}).map(([word, severity]) => [word.toLowerCase(), severity]),
  );
  return {
    groupBy: settings.groupBy ?? ['alertname'],
    groupWindowMinutes: settings.groupWindowMinutes ?? null,
    autoResolve: settings.autoResolve ?? true,
    severityMap: { ...defaultSeverityMap, ...lowerCased },
    defaultSeverity: settings.defaultSeverity ?? 'P3',
    serviceLabels: settings.serviceLabels ?? ['service', 'app', 'job'],
    serviceMap: settings.serviceMap ?? {},
  };
}
