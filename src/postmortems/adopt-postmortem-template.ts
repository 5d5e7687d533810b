import { recordAudit } from '../audit/record-audit.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import {
  AdoptDraftInput,
  carryOutAdoption,
  type DraftAdoption,
  type PlannedEntry,
} from '../runbooks/draft-adoption.js';
import { lockDraftToAdopt } from '../runbooks/lock-draft-to-adopt.js';

export const AdoptPostmortemTemplateInput = AdoptDraftInput;
export type AdoptPostmortemTemplateInput = AdoptDraftInput;

// One template at a time: the one adopted before goes back to being a draft. Locked, so two
// adoptions of different templates wait for each other and one template stays adopted.
const selectOthersAdopted = `
  SELECT id, title FROM runbook_drafts
   WHERE kind = 'postmortem-template' AND status = 'adopted' AND id <> $1::uuid ORDER BY created_at, id FOR UPDATE`;
const unadopt = `UPDATE runbook_drafts SET status = 'draft' WHERE id = $1::uuid`;

/**
 * Makes a post-mortem template found in an imported runbook the one new post-mortems follow
 * (admin): their sections take its headings, in its order and words. The template adopted before
 * is un-adopted (an `update` entry says so). Adopting the template already followed keeps it and
 * writes nothing; `dryRun` answers what adopting would do. 404 for an unknown draft or one of
 * another kind, 409 for a dismissed one.
 */
export async function adoptPostmortemTemplate({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: AdoptPostmortemTemplateInput;
}): Promise<DraftAdoption> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const draft = await lockDraftToAdopt(tx.db, input.draftId, 'postmortem-template');
    const others = (await tx.db.query<{ id: string; title: string }>(selectOthersAdopted, [input.draftId])).rows;
    const sections = draft.data.sections;
    const plan: PlannedEntry[] = others.map((other) => ({
      entry: {
        action: 'update',
        target: other.title,
        id: other.id,
        detail: 'no longer the template new post-mortems follow: replaced',
        warnings: [],
      },
      write: async (txCtx) => {
        await txCtx.db.query(unadopt, [other.id]);
        return other.id;
      },
    }));
    const detail = `${sections.length} sections for new post-mortems: ${sections.join(', ')}`;
    const target = draft.title;
    if (draft.status === 'adopted') {
      plan.push({ entry: { action: 'keep', target, id: input.draftId, detail, warnings: [] } });
    } else {
      plan.push({
        entry: { action: 'create', target, id: null, detail, warnings: [] },
        write: async (txCtx) => {
          await recordAudit(txCtx, {
            action: 'postmortem_template.adopt',
            targetType: 'runbook_draft',
            targetId: input.draftId,
            details: { title: draft.title, replaced: others.map((other) => other.id) },
          });
          return input.draftId;
        },
      });
    }
    return carryOutAdoption(
      tx,
      { id: input.draftId, kind: 'postmortem-template', status: draft.status },
      plan,
      input.dryRun ?? false,
    );
  });
}
