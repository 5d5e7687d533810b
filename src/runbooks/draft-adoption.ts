import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../core/context.js';
import { draftKindNames, type DraftKind } from './extract/drafts/draft-kinds.js';
import { markDraftAdopted } from './lock-draft-to-adopt.js';

/** What adopting does to one thing a draft holds: make it, change it, find it already there, or leave it out. */
export const adoptionActions = ['create', 'update', 'keep', 'skip'] as const;

/** The body of the adopt endpoints that need nothing but the draft: `dryRun` answers what would happen. */
export const AdoptDraftInput = Type.Object(
  {
    draftId: Type.String({ format: 'uuid' }),
    dryRun: Type.Optional(
      Type.Boolean({ description: 'answer what adopting would do, and do nothing (no write, no audit row)' }),
    ),
  },
  { additionalProperties: false },
);
export type AdoptDraftInput = Static<typeof AdoptDraftInput>;

export const AdoptionEntrySchema = Type.Object({
  action: Type.Enum(adoptionActions),
  /** What it is, as a person reads it: `P1`, a template's name, a person's name. */
  target: Type.String(),
  /** The id of what was (or is already) there: `P1`, a template id, a user id; null before it exists. */
  id: Type.Union([Type.String(), Type.Null()]),
  /** What is created or changed, or why it is left out. */
  detail: Type.String(),
  /** What the document left to fill, not copied (`+33 X XX XX XX XX`). */
  warnings: Type.Array(Type.String()),
});
export type AdoptionEntry = Static<typeof AdoptionEntrySchema>;

export const DraftAdoptionSchema = Type.Object(
  {
    draftId: Type.String({ format: 'uuid' }),
    kind: Type.Enum(draftKindNames),
    dryRun: Type.Boolean(),
    /** True when adopting made (or would make) nothing new: everything was already there or left out. */
    nothingNew: Type.Boolean(),
    entries: Type.Array(AdoptionEntrySchema),
  },
  { title: 'DraftAdoption' },
);
/** What adopting a draft did, or would do (`dryRun`), entry by entry. */
export type DraftAdoption = Static<typeof DraftAdoptionSchema>;

/** One entry of a plan, with the write that carries it out (none for `keep` and `skip`); it answers the new id. */
export interface PlannedEntry {
  entry: AdoptionEntry;
  write?: (tx: Ctx) => Promise<string>;
}

/**
 * Carries out a plan inside the adopting transaction (unless `dryRun`): each write, then the draft
 * marked adopted when it holds something kept or made, then one `runbook_draft.adopt` audit row
 * when anything was written. A second adoption finds everything kept and writes nothing.
 */
export async function carryOutAdoption(
  tx: Ctx,
  draft: { id: string; kind: DraftKind; status: string },
  plan: readonly PlannedEntry[],
  dryRun: boolean,
): Promise<DraftAdoption> {
  const entries: AdoptionEntry[] = [];
  const made: Record<'created' | 'updated', string[]> = { created: [], updated: [] };
  for (const { entry, write } of plan) {
    if (dryRun || write === undefined) {
      entries.push(entry);
      continue;
    }
    const id = await write(tx);
    made[entry.action === 'update' ? 'updated' : 'created'].push(id);
    entries.push({ ...entry, id });
  }
  const nothingNew = !plan.some(({ write }) => write !== undefined);
  // All left out (no e-mail, no class read) is not adopted: the draft stays to review.
  const adoptable = entries.some((entry) => entry.action !== 'skip');
  const marks = adoptable && draft.status !== 'adopted';
  if (!dryRun && (marks || !nothingNew)) {
    if (marks) await markDraftAdopted(tx.db, draft.id);
    await recordAudit(tx, {
      action: 'runbook_draft.adopt',
      targetType: 'runbook_draft',
      targetId: draft.id,
      details: { kind: draft.kind, ...made },
    });
  }
  return { draftId: draft.id, kind: draft.kind, dryRun, nothingNew, entries };
}
