import { Type, type Static } from 'typebox';
import { SeveritySchema, type Severity } from '../incidents/incident-model.js';
import { integrationKindNames, kindSettings } from './ingest/ingest-kind-names.js';

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

/** The kinds, as the API validates and documents them: the keys of the `ingestKinds` table. */
export const IntegrationKindSchema = Type.Enum(integrationKindNames);

export const IntegrationSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    kind: IntegrationKindSchema,
    keyHint: Type.String({ description: 'the last characters of the key, to tell keys apart' }),
    serviceId: Type.Union([Type.String(), Type.Null()]),
    settings: IntegrationSettingsSchema,
    endpoint: Type.String({ description: 'where senders post, relative to the server' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    disabledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { title: 'Integration' },
);
export type Integration = Static<typeof IntegrationSchema>;

/** A kind as the console offers it (`GET /api/v1/integrations/kinds`), read from its row. */
export const IntegrationKindInfoSchema = Type.Object(
  {
    kind: IntegrationKindSchema,
    endpoint: Type.String({ description: 'where senders of this kind call, relative to the server; {key}: the key' }),
    settings: Type.Array(Type.Enum(kindSettings), {
      description: 'the settings this kind needs (and only it has): a webhook its mapping, a heartbeat its period',
    }),
  },
  { title: 'IntegrationKindInfo' },
);
export type IntegrationKindInfo = Static<typeof IntegrationKindInfoSchema>;

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
