import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { lockDraftToAdopt, markDraftAdopted } from '../runbooks/lock-draft-to-adopt.js';

export const AdoptPostmortemTemplateInput = Type.Object(
  { draftId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
export type AdoptPostmortemTemplateInput = Static<typeof AdoptPostmortemTemplateInput>;

// One template at a time: the one adopted before goes back to being a draft.
const unadoptOthers = `UPDATE runbook_drafts SET status = 'draft' WHERE kind = 'postmortem-template' AND status = 'adopted' AND id <> $1::uuid`;

/**
 * Makes a post-mortem template found in an imported runbook the one new post-mortems follow
 * (admin): their sections take its headings, in its order and words. Answers what was adopted.
 */
export async function adoptPostmortemTemplate({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: AdoptPostmortemTemplateInput;
}): Promise<{ draftId: string; title: string; sections: string[] }> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const draft = await lockDraftToAdopt(tx.db, input.draftId, 'postmortem-template');
    await tx.db.query(unadoptOthers, [input.draftId]);
    await markDraftAdopted(tx.db, input.draftId);
    await recordAudit(tx, {
      action: 'postmortem_template.adopt',
      targetType: 'runbook_draft',
      targetId: input.draftId,
      details: { title: draft.title },
    });
    return { draftId: input.draftId, title: draft.title, sections: draft.data.sections };
  });
}
