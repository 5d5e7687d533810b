import { Type, type Static } from 'typebox';
import { probeKinds, ProbeTargetSchema } from './probe-kinds.js';

const severity = Type.Enum(['P1', 'P2', 'P3', 'P4'] as const);
const labelName = Type.String({ pattern: '^[a-zA-Z_][a-zA-Z0-9_]*$', maxLength: 100 });

/** The settings a probe is created with; all but `name` and `target` have defaults. */
const probeFields = {
  name: Type.String({ minLength: 1, maxLength: 200, pattern: '^[^\\r\\n]+$' }),
  serviceId: Type.Optional(
    Type.Union([Type.String({ minLength: 1 }), Type.Null()], {
      description: 'the service it checks: its alerts go to that service',
    }),
  ),
  target: ProbeTargetSchema,
  conditions: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), {
      maxItems: 50,
      description:
        'what must hold, e.g. `[STATUS] == 200`, `$.database == connected`; default per kind (HTTP: `[STATUS] < 400`)',
    }),
  ),
  severity: Type.Optional(severity),
  labels: Type.Optional(
    Type.Record(labelName, Type.String({ maxLength: 1000 }), {
      maxProperties: 30,
      description: 'added to the alert; `runbook` names the runbook that treats a failure',
    }),
  ),
  intervalSeconds: Type.Optional(Type.Integer({ minimum: 5, maximum: 86_400, default: 60 })),
  retryIntervalSeconds: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 86_400,
      description: 'between checks while failing with retries left; default: the interval',
    }),
  ),
  timeoutMs: Type.Optional(
    Type.Integer({ minimum: 100, maximum: 60_000, description: 'default: 10 s, or the interval if shorter' }),
  ),
  retries: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 10,
      default: 0,
      description: 'failed checks in a row tolerated before the probe fails',
    }),
  ),
  forSeconds: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 86_400,
      default: 0,
      description: 'how long it must fail before its alert fires',
    }),
  ),
  keepFiringForSeconds: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 86_400,
      default: 0,
      description: 'how long its alert keeps firing once the checks pass',
    }),
  ),
  enabled: Type.Optional(Type.Boolean({ default: true })),
};

export const CreateProbeInput = Type.Object(probeFields, { additionalProperties: false });
export type CreateProbeInput = Static<typeof CreateProbeInput>;

export const UpdateProbeInput = Type.Partial(Type.Object(probeFields, { additionalProperties: false }), {
  additionalProperties: false,
});
export type UpdateProbeInput = Static<typeof UpdateProbeInput>;

/** When a probe is checked and how long it must fail (or pass) before its alert changes. */
export interface ProbeTiming {
  intervalSeconds: number;
  retryIntervalSeconds: number;
  timeoutMs: number;
  retries: number;
  forSeconds: number;
  keepFiringForSeconds: number;
}

/** A probe's settings once defaults are applied. */
export interface ProbeSettings extends ProbeTiming {
  name: string;
  serviceId: string | null;
  target: CreateProbeInput['target'];
  conditions: string[];
  severity: 'P1' | 'P2' | 'P3' | 'P4';
  labels: Record<string, string>;
  enabled: boolean;
}

/** The input with every default filled in. */
export function withProbeDefaults(input: CreateProbeInput): ProbeSettings {
  const intervalSeconds = input.intervalSeconds ?? 60;
  return {
    name: input.name,
    serviceId: input.serviceId ?? null,
    target: input.target,
    conditions: input.conditions ?? [...probeKinds[input.target.kind].defaultConditions],
    severity: input.severity ?? 'P2',
    labels: input.labels ?? {},
    intervalSeconds,
    retryIntervalSeconds: input.retryIntervalSeconds ?? intervalSeconds,
    // A check may not outlast its interval: short intervals get a shorter default timeout.
    timeoutMs: input.timeoutMs ?? Math.min(10_000, intervalSeconds * 1000),
    retries: input.retries ?? 0,
    forSeconds: input.forSeconds ?? 0,
    keepFiringForSeconds: input.keepFiringForSeconds ?? 0,
    enabled: input.enabled ?? true,
  };
}
