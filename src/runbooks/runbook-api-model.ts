import { Type, type Static } from 'typebox';
import { LintFindingSchema } from './lint/lint-model.js';
import { draftKindNames } from './extract/drafts/draft-kinds.js';
import { LeftoverSchema, LineRangeSchema, RunbookStructureSchema } from './runbook-model.js';

export const runbookKinds = ['incident', 'procedure'] as const;
export const draftStatuses = ['draft', 'adopted', 'dismissed'] as const;

/** How the uploaded bytes were read: encoding, line endings, and what was repaired. */
export const DecodeReportSchema = Type.Object({
  encoding: Type.String({ examples: ['utf-8', 'windows-1252'] }),
  lineEndings: Type.Enum(['lf', 'crlf', 'cr', 'mixed']),
  repairs: Type.Object({
    codepage: Type.Union([Type.String(), Type.Null()], { description: 'the codepage of most mojibake repairs' }),
    count: Type.Integer(),
    examples: Type.Array(Type.Object({ from: Type.String(), to: Type.String(), line: Type.Integer() })),
    unrepaired: Type.Integer({ description: 'runs that look damaged but were left as they were' }),
  }),
});
export type DecodeReport = Static<typeof DecodeReportSchema>;

export const ImportedRunbookSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  kind: Type.Enum(runbookKinds),
  version: Type.Integer({ description: 'the current version after this import' }),
  status: Type.Enum(['created', 'updated', 'unchanged', 'restored']),
  lines: LineRangeSchema,
  steps: Type.Integer(),
  sections: Type.Integer(),
});
export type ImportedRunbook = Static<typeof ImportedRunbookSchema>;

export const ImportedDraftSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.Enum(draftKindNames),
  title: Type.String(),
  lines: LineRangeSchema,
  status: Type.Enum(['created', 'existing']),
});

export const ImportReportSchema = Type.Object(
  {
    sourceId: Type.String({ format: 'uuid' }),
    filename: Type.String(),
    sha256: Type.String(),
    decode: DecodeReportSchema,
    runbooks: Type.Array(ImportedRunbookSchema),
    drafts: Type.Array(ImportedDraftSchema),
    leftovers: Type.Array(LeftoverSchema, {
      description: 'parts of the file turned into nothing: listed, never silently dropped',
    }),
    lint: Type.Array(LintFindingSchema),
  },
  { title: 'RunbookImportReport' },
);
/** What one import found and did. */
export type ImportReport = Static<typeof ImportReportSchema>;

export const RunbookSourceSchema = Type.Object(
  {
    ...ImportReportSchema.properties,
    importedAt: Type.String({ format: 'date-time' }),
    importedBy: Type.String({ description: 'who uploaded it first' }),
    bytes: Type.Integer(),
  },
  { title: 'RunbookSource' },
);
/** A stored source: the report of the import that first stored it. */
export type RunbookSource = Static<typeof RunbookSourceSchema>;

const summaryProperties = {
  id: Type.String(),
  title: Type.String(),
  kind: Type.Enum(runbookKinds),
  currentVersion: Type.Integer(),
  severity: Type.Union([Type.String(), Type.Null()], { description: 'P1 … P4 as the current version states it' }),
  language: Type.Enum(['fr', 'en'], { description: 'the language of the current version' }),
  steps: Type.Integer({ description: 'how many steps the current version has' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  deletedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  deletedBy: Type.Union([Type.String(), Type.Null()]),
};

export const RunbookSummarySchema = Type.Object(summaryProperties, { title: 'RunbookSummary' });
export type RunbookSummary = Static<typeof RunbookSummarySchema>;

export const RunbookDetailSchema = Type.Object(
  {
    ...summaryProperties,
    version: Type.Integer({ description: 'the version shown' }),
    contentHash: Type.String(),
    sourceId: Type.String({ format: 'uuid' }),
    versionCreatedAt: Type.String({ format: 'date-time' }),
    versionCreatedBy: Type.String(),
    structure: RunbookStructureSchema,
    sourceMarkdown: Type.String({ description: "the runbook's own lines of the repaired source file" }),
  },
  { title: 'RunbookDetail' },
);
export type RunbookDetail = Static<typeof RunbookDetailSchema>;

export const RunbookVersionSchema = Type.Object(
  {
    version: Type.Integer(),
    title: Type.String(),
    contentHash: Type.String(),
    sourceId: Type.String({ format: 'uuid' }),
    filename: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    createdBy: Type.String(),
  },
  { title: 'RunbookVersion' },
);
export type RunbookVersion = Static<typeof RunbookVersionSchema>;

const StepRefSchema = Type.Object({ id: Type.String(), title: Type.Union([Type.String(), Type.Null()]) });

export const RunbookDiffSchema = Type.Object(
  {
    runbookId: Type.String(),
    from: Type.Integer(),
    to: Type.Integer(),
    /** Unified diff of the canonical Markdown of both versions. */
    patch: Type.String(),
    title: Type.Union([Type.Object({ from: Type.String(), to: Type.String() }), Type.Null()]),
    sections: Type.Object({ added: Type.Array(Type.String()), removed: Type.Array(Type.String()) }),
    steps: Type.Object({
      added: Type.Array(StepRefSchema),
      removed: Type.Array(StepRefSchema),
      changed: Type.Array(Type.Object({ ...StepRefSchema.properties, fields: Type.Array(Type.String()) })),
    }),
  },
  { title: 'RunbookDiff' },
);
export type RunbookDiff = Static<typeof RunbookDiffSchema>;

export const RunbookLintSchema = Type.Object(
  { runbookId: Type.String(), version: Type.Integer(), findings: Type.Array(LintFindingSchema) },
  { title: 'RunbookLint' },
);
export type RunbookLint = Static<typeof RunbookLintSchema>;

export const RunbookDraftSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    kind: Type.Enum(draftKindNames),
    title: Type.String(),
    status: Type.Enum(draftStatuses),
    data: Type.Record(Type.String(), Type.Unknown()),
    contentHash: Type.String(),
    sourceId: Type.String({ format: 'uuid' }),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { title: 'RunbookDraft' },
);
export type RunbookDraft = Static<typeof RunbookDraftSchema>;
