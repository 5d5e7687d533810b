import { Type, type Static } from 'typebox';
import { AppError, notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { DraftAdoptionSchema } from './draft-adoption.js';
import { draftAdoptionTable, type DraftAdoptionDefinition } from './draft-adoptions.js';
import { draftKindNames, type DraftKind } from './extract/drafts/draft-kinds.js';
import { isUuid } from './runbook-row.js';

export const DraftAdoptionPreviewSchema = Type.Object(
  {
    draftId: Type.String({ format: 'uuid' }),
    kind: Type.Enum(draftKindNames),
    status: Type.String(),
    endpoint: Type.String({ description: 'the POST that adopts it' }),
    preview: Type.Union([DraftAdoptionSchema, Type.Null()], {
      description: 'what adopting from the draft alone would do; null when adopting needs more (see the endpoint)',
    }),
    blocked: Type.Union([Type.String(), Type.Null()], {
      description: 'why adopting as it stands would be refused (409: a template of that id holds other items)',
    }),
  },
  { title: 'DraftAdoptionPreview' },
);
export type DraftAdoptionPreview = Static<typeof DraftAdoptionPreviewSchema>;

const selectDraftKind = `SELECT kind, status FROM runbook_drafts WHERE id = $1::uuid`;

/**
 * What adopting a draft would do, whatever its kind (admin, as adopting is): its kind's row of
 * `draftAdoptionTable` runs as a dry run — nothing written, no audit row — so the preview is
 * what the adoption itself would answer at that moment.
 */
export async function previewDraftAdoption({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string };
}): Promise<DraftAdoptionPreview> {
  requireRole(ctx, 'admin');
  if (!isUuid(input.id)) throw notFound('runbook draft', input.id);
  const row = (await ctx.db.query<{ kind: DraftKind; status: string }>(selectDraftKind, [input.id])).rows[0];
  if (row === undefined) throw notFound('runbook draft', input.id);
  const adoption: DraftAdoptionDefinition = draftAdoptionTable[row.kind];
  const answer = { draftId: input.id, kind: row.kind, status: row.status, endpoint: adoption.endpoint };
  if (adoption.adopt === null) return { ...answer, preview: null, blocked: null };
  try {
    return {
      ...answer,
      preview: await adoption.adopt({ ctx, input: { draftId: input.id, dryRun: true } }),
      blocked: null,
    };
  } catch (error) {
    // A refusal (dismissed draft, id taken by other items) is what the page shows next to the draft.
    if (error instanceof AppError && error.code === 'conflict')
      return { ...answer, preview: null, blocked: error.message };
    throw error;
  }
}
