import { conflict, notFound } from '../core/app-error.js';
import type { Queryable } from '../storage/database.js';
import { draftKindTable, type DraftData, type DraftKind } from './extract/drafts/draft-kinds.js';

/** A draft being adopted: locked until the adopting transaction ends, its data typed by its kind. */
export interface DraftToAdopt<K extends DraftKind> {
  title: string;
  status: string;
  sourceId: string;
  data: DraftData<K>;
}

// FOR UPDATE: two adoptions of one draft wait for each other instead of both creating what it holds.
const lockDraft = `SELECT kind, title, data, status, source_id FROM runbook_drafts WHERE id = $1::uuid FOR UPDATE`;
const markAdopted = `UPDATE runbook_drafts SET status = 'adopted' WHERE id = $1::uuid`;

/**
 * Locks the draft an adoption starts from, inside the adopting transaction. 404 names the kind
 * wanted (`alert rules draft`) for an unknown draft or one of another kind; 409 for a dismissed
 * one. The data is read as its kind's schema types it: that kind's extractor wrote it.
 */
export async function lockDraftToAdopt<K extends DraftKind>(
  db: Queryable,
  draftId: string,
  kind: K,
): Promise<DraftToAdopt<K>> {
  const { rows } = await db.query<{
    kind: string;
    title: string;
    data: DraftData<K>;
    status: string;
    source_id: string;
  }>(lockDraft, [draftId]);
  const draft = rows[0];
  if (draft === undefined || draft.kind !== kind) throw notFound(draftKindTable[kind].noun, draftId);
  if (draft.status === 'dismissed') throw conflict('this draft was dismissed', { status: draft.status });
  return { title: draft.title, status: draft.status, sourceId: draft.source_id, data: draft.data };
}

/** Marks a draft adopted (its adoption made something of it); the caller records the audit row. */
export async function markDraftAdopted(db: Queryable, draftId: string): Promise<void> {
  await db.query(markAdopted, [draftId]);
}
