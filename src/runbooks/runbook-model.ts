import { Type, type Static } from 'typebox';
import type { DraftKind } from './extract/drafts/draft-kinds.js';

export type { DraftKind };

/** Where something came from in the repaired source text (1-based, inclusive). */
export const LineRangeSchema = Type.Object({ start: Type.Integer({ minimum: 1 }), end: Type.Integer({ minimum: 1 }) });
export type LineRange = Static<typeof LineRangeSchema>;

export const riskLevels = ['read-only', 'changing', 'destructive'] as const;
export type RiskLevel = (typeof riskLevels)[number];

export const sectionKinds = [
  'overview',
  'symptoms',
  'detection',
  'diagnosis',
  'causes',
  'resolution',
  'mitigation',
  'recovery',
  'verification',
  'prevention',
  'escalation',
  'communication',
  'notes',
] as const;
export type SectionKind = (typeof sectionKinds)[number];

export const stepKinds = ['command', 'manual', 'config'] as const;

export const StepParameterSchema = Type.Object({
  name: Type.String(),
  form: Type.Enum(['env', 'angle', 'mustache', 'bracket']),
  secret: Type.Boolean(),
  /** The placeholder as written (`<task_id>`, `${REDIS_PASSWORD}`). */
  token: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
});

export const StepSchema = Type.Object({
  /** Position-based id, stable for one version: `s3` is the third step of the runbook. */
  id: Type.String(),
  kind: Type.Enum(stepKinds),
  title: Type.Union([Type.String(), Type.Null()]),
  /** Fence language as normalised (`shell`, `sql`, `yaml` …), null for manual steps. */
  language: Type.Union([Type.String(), Type.Null()]),
  /** The code as written, or the prose of a manual step. */
  body: Type.String(),
  /** Runme-style fence attributes (`name`, `excludeFromRunAll` …). */
  attributes: Type.Record(Type.String(), Type.String()),
  parameters: Type.Array(StepParameterSchema),
  risk: Type.Enum(riskLevels),
  riskReasons: Type.Array(Type.Object({ command: Type.String(), level: Type.Enum(riskLevels), reason: Type.String() })),
  /** For resolution sub-steps: short, medium or long term, when the runbook says so. */
  phase: Type.Union([Type.Enum(['short-term', 'medium-term', 'long-term']), Type.Null()]),
  /** Secrets written into the code itself (`redis-cli -a s3cret`): a lint finding. */
  inlineSecrets: Type.Array(Type.Object({ line: Type.Integer(), reason: Type.String() })),
  /** Why the code could not be parsed as shell, when it could not (analysed line by line instead). */
  parseError: Type.Union([Type.String(), Type.Null()]),
  lines: LineRangeSchema,
});
export type Step = Static<typeof StepSchema>;

export const SectionSchema = Type.Object({
  kind: Type.Enum(sectionKinds),
  title: Type.String(),
  /** Prose of the section (paragraphs and list items that are not steps), as Markdown. */
  text: Type.String(),
  steps: Type.Array(StepSchema),
  lines: LineRangeSchema,
});
export type Section = Static<typeof SectionSchema>;

export const DurationSchema = Type.Object({ raw: Type.String(), minutes: Type.Union([Type.Number(), Type.Null()]) });

export const RunbookMetadataSchema = Type.Object({
  severity: Type.Union([
    Type.Object({ raw: Type.String(), level: Type.Union([Type.Enum(['P1', 'P2', 'P3', 'P4']), Type.Null()]) }),
    Type.Null(),
  ]),
  impact: Type.Union([Type.String(), Type.Null()]),
  rto: Type.Union([DurationSchema, Type.Null()]),
  rpo: Type.Union([DurationSchema, Type.Null()]),
  /** An identifier the team gave it (`INC-003`). */
  reference: Type.Union([Type.String(), Type.Null()]),
  /** Service names the runbook mentions, as written (matched to the catalogue by lint). */
  services: Type.Array(Type.String()),
  /** YAML front matter, when the file had some. */
  frontMatter: Type.Record(Type.String(), Type.Unknown()),
});
export type RunbookMetadata = Static<typeof RunbookMetadataSchema>;

export const SymptomSchema = Type.Object({
  text: Type.String(),
  /** What kind of evidence: a log message, a PromQL expression or metric, an error name, or prose. */
  kind: Type.Enum(['log', 'metric', 'error', 'http', 'text']),
  /** Literal fragments worth matching alerts against (quoted messages, code spans, error names). */
  terms: Type.Array(Type.String()),
  line: Type.Integer(),
});
export type Symptom = Static<typeof SymptomSchema>;

/** One procedure as Astreinte stores and runs it. */
export const RunbookStructureSchema = Type.Object({
  title: Type.String(),
  kind: Type.Enum(['incident', 'procedure']),
  language: Type.Enum(['fr', 'en']),
  metadata: RunbookMetadataSchema,
  symptoms: Type.Array(SymptomSchema),
  sections: Type.Array(SectionSchema),
  lines: LineRangeSchema,
});
export type RunbookStructure = Static<typeof RunbookStructureSchema>;

/** Part of the incident process found around the runbooks, stored as a draft the user can adopt. */
export interface Draft {
  kind: DraftKind;
  title: string;
  data: Record<string, unknown>;
  lines: LineRange;
}

/** A part of the source the importer did not turn into anything: listed, never silently dropped. */
export const LeftoverSchema = Type.Object({
  lines: LineRangeSchema,
  heading: Type.Union([Type.String(), Type.Null()]),
  reason: Type.String(),
  excerpt: Type.String(),
});
export type Leftover = Static<typeof LeftoverSchema>;

/** Everything extracted from one source file. */
export interface Extraction {
  runbooks: RunbookStructure[];
  drafts: Draft[];
  leftovers: Leftover[];
}
