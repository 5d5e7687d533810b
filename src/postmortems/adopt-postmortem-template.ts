import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { conflict, notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';

export const AdoptPostmortemTemplateInput = Type.Object(
  { draftId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
export type AdoptPostmortemTemplateInput = Static<typeof AdoptPostmortemTemplateInput>;

const lockDraft = `SELECT kind, status, title, data FROM runbook_drafts WHERE id = $1::uuid FOR UPDATE`;
// One template at a time: the one adopted before goes back to being a draft.
const unadoptOthers = `UPDATE runbook_drafts SET status = 'draft' WHERE kind = 'postmortem-template' AND status = 'adopted' AND id <> $1::uuid`;
const adopt = `UPDATE runbook_drafts SET status = 'adopted' WHERE id = $1::uuid`;

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
    const draft = (
      await tx.db.query<{ kind: string; status: string; title: string; data: { sections: string[] } }>(lockDraft, [
        input.draftId,
      ])
    ).rows[0];
    if (draft === undefined || draft.kind !== 'postmortem-template')
      throw notFound('post-mortem template draft', input.draftId);
    if (draft.status === 'dismissed') throw conflict('this draft was dismissed', { status: draft.status });
    await tx.db.query(unadoptOthers, [input.draftId]);
    await tx.db.query(adopt, [input.draftId]);
    await recordAudit(tx, {
      action: 'postmortem_template.adopt',
      targetType: 'runbook_draft',
      targetId: input.draftId,
      details: { title: draft.title },
    });
    return { draftId: input.draftId, title: draft.title, sections: draft.data.sections };
  });
}
