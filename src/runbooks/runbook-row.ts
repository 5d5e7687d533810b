import type { RunbookDetail, RunbookDraft, RunbookSummary } from './runbook-api-model.js';
import type { RunbookStructure } from './runbook-model.js';
import { uuidPattern } from '../users/user-statements.js';

/** A runbooks row with its current version's severity (`selectRunbookSummaryColumns`). */
export interface RunbookSummaryRow {
  [column: string]: unknown;
  id: string;
  title: string;
  kind: RunbookSummary['kind'];
  current_version: number;
  severity: string | null;
  language: RunbookSummary['language'];
  steps: number;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  deleted_by: string | null;
}

/** A runbook joined with one of its versions (`selectRunbookVersion`). */
export interface RunbookVersionRow extends RunbookSummaryRow {
  version: number;
  content_hash: string;
  structure: RunbookStructure;
  markdown: string;
  source_id: string;
  version_created_at: Date;
  version_created_by: string;
}

export interface RunbookDraftRow {
  [column: string]: unknown;
  id: string;
  kind: RunbookDraft['kind'];
  title: string;
  status: RunbookDraft['status'];
  data: Record<string, unknown>;
  content_hash: string;
  source_id: string;
  created_at: Date;
}

export function toRunbookSummary(row: RunbookSummaryRow): RunbookSummary {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    currentVersion: row.current_version,
    severity: row.severity,
    language: row.language,
    steps: row.steps,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    deletedAt: row.deleted_at === null ? null : row.deleted_at.toISOString(),
    deletedBy: row.deleted_by,
  };
}

export function toRunbookDetail(row: RunbookVersionRow): RunbookDetail {
  return {
    ...toRunbookSummary(row),
    version: row.version,
    contentHash: row.content_hash,
    sourceId: row.source_id,
    versionCreatedAt: row.version_created_at.toISOString(),
    versionCreatedBy: row.version_created_by,
    structure: row.structure,
    sourceMarkdown: row.markdown,
  };
}

export function toRunbookDraft(row: RunbookDraftRow): RunbookDraft {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    data: row.data,
    contentHash: row.content_hash,
    sourceId: row.source_id,
    createdAt: row.created_at.toISOString(),
  };
}

/** Whether an id can name a source or a draft (their ids are UUIDs). */
export function isUuid(id: string): boolean {
  return uuidPattern.test(id);
}
