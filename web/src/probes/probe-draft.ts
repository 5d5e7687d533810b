import { configOf, fieldsOf, initialValues, type FieldSpec, type FieldValues } from '../channels/schema-fields.js';
import type { CreateProbeInput, ProbeKindInfo } from './probes-types.js';

/**
 * A probe as its form holds it, and back as the body the API takes (`POST /api/v1/probes`,
 * `/probes/test`, `PATCH /probes/:id`). Pure, so it is tested without a browser. The target's
 * fields come from the kind's schema (`GET /api/v1/probes/kinds`), as a channel's do.
 */

/** The timing settings, as the API names them; an empty one takes the server's default. */
export const timingFields = [
  'intervalSeconds',
  'timeoutMs',
  'retries',
  'retryIntervalSeconds',
  'forSeconds',
  'keepFiringForSeconds',
] as const;
export type TimingField = (typeof timingFields)[number];

export interface ProbeDraft {
  name: string;
  kind: string;
  target: FieldValues;
  conditions: string[];
  serviceId: string;
  severity: string;
  timing: Record<TimingField, string>;
  labels: string;
  enabled: boolean;
}

/** A probe's settings as saved, or as suggested (any field may be missing). */
export type ProbeSource = Partial<Omit<CreateProbeInput, 'target'>> & {
  target?: { kind: string } & Record<string, unknown>;
};

/** The target fields of a kind, from its schema. */
export function targetFieldsOf(kinds: readonly ProbeKindInfo[], kind: string): FieldSpec[] {
  const info = kinds.find((candidate) => candidate.kind === kind);
  return info === undefined ? [] : fieldsOf(info.schema);
}

/**
 * The form's values for a source: a stored probe (`unsaved` false: its secrets stay empty, and
 * kept when left so), a suggestion (`unsaved`: its target as given), or nothing (a new probe of
 * the first kind, with that kind's default conditions).
 */
export function draftOf(kinds: readonly ProbeKindInfo[], source: ProbeSource | null, unsaved: boolean): ProbeDraft {
  const kind = source?.target?.kind ?? kinds[0]?.kind ?? '';
  const defaults = kinds.find((candidate) => candidate.kind === kind)?.defaultConditions ?? [];
  const timing = Object.fromEntries(
    timingFields.map((field) => [field, source?.[field] === undefined ? '' : String(source[field])]),
  ) as Record<TimingField, string>;
  return {
    name: source?.name ?? '',
    kind,
    target: initialValues(targetFieldsOf(kinds, kind), source?.target, unsaved),
    conditions: [...(source?.conditions ?? defaults)],
    serviceId: source?.serviceId ?? '',
    severity: source?.severity ?? 'P2',
    timing,
    labels: Object.entries(source?.labels ?? {})
      .map(([name, value]) => `${name}=${value}`)
      .join('\n'),
    enabled: source?.enabled ?? true,
  };
}

/** The same draft switched to another kind: its target and conditions start over from that kind's. */
export function withKind(kinds: readonly ProbeKindInfo[], draft: ProbeDraft, kind: string): ProbeDraft {
  const fresh = draftOf(kinds, { target: { kind } }, true);
  return { ...draft, kind, target: fresh.target, conditions: fresh.conditions };
}

/** `name=value` lines as labels; a line without `=` is kept whole as a name, for the server to refuse. */
export function labelsOf(text: string): Record<string, string> {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return Object.fromEntries(
    lines.map((line) => {
      const at = line.indexOf('=');
      return at < 0 ? [line, ''] : [line.slice(0, at).trim(), line.slice(at + 1).trim()];
    }),
  );
}

/**
 * The body to send. Empty timings are left out (the server's defaults);
 * `stored` is the saved target, whose secrets an empty field keeps. A number that does not parse
 * is sent as typed, for the server to name the field.
 */
export function bodyOf(kinds: readonly ProbeKindInfo[], draft: ProbeDraft, stored: unknown): Record<string, unknown> {
  const conditions = draft.conditions.map((condition) => condition.trim()).filter((condition) => condition !== '');
  const defaults = kinds.find((candidate) => candidate.kind === draft.kind)?.defaultConditions ?? [];
  const body: Record<string, unknown> = {
    name: draft.name.trim(),
    target: configOf(draft.kind, targetFieldsOf(kinds, draft.kind), draft.target, stored),
    // None typed: the kind's defaults, said outright so that an edit clearing them is not read as "unchanged".
    conditions: conditions.length > 0 ? conditions : [...defaults],
    serviceId: draft.serviceId === '' ? null : draft.serviceId,
    severity: draft.severity,
    labels: labelsOf(draft.labels),
    enabled: draft.enabled,
  };
  for (const field of timingFields) {
    const text = draft.timing[field].trim();
    if (text !== '') body[field] = Number.isInteger(Number(text)) ? Number(text) : text;
  }
  return body;
}
