import { Type, type Static } from 'typebox';
import { conflict } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import {
  AdoptDraftInput,
  carryOutAdoption,
  type DraftAdoption,
  type PlannedEntry,
} from '../runbooks/draft-adoption.js';
import { lockDraftToAdopt } from '../runbooks/lock-draft-to-adopt.js';
import { slugifyTitle } from '../runbooks/slugify-title.js';
import {
  ChecklistTemplateIdSchema,
  selectTemplateColumns,
  type ChecklistTemplateRow,
} from './checklist-template-model.js';
import { createChecklistTemplate } from './create-checklist-template.js';

export const AdoptChecklistDraftInput = Type.Object(
  {
    ...AdoptDraftInput.properties,
    id: Type.Optional({ ...ChecklistTemplateIdSchema, description: "the template's id; default: from the title" }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "default: the draft's title" })),
  },
  { additionalProperties: false },
);
export type AdoptChecklistDraftInput = Static<typeof AdoptChecklistDraftInput>;

/** `CreateChecklistTemplateInput`'s bounds. */
const maxItems = 200;
const maxItemLength = 1000;
const maxIdLength = 63;

/** `Checklist de Résolution` → `checklist-de-resolution`, always a valid template id. */
function templateIdOf(title: string): string {
  const slug = slugifyTitle(title, maxIdLength);
  return slug.length >= 2 ? slug : `checklist-${slug}`;
}

/**
 * Makes a checklist found in an imported runbook a checklist template (admin), its items in the
 * document's order (ticked or not: a template starts unticked), id from the title unless given.
 * A template of that id with the same items is kept, so adopting twice creates nothing; one with
 * other items is a 409 (give another `id`). `dryRun` answers what would be created. 404 for an
 * unknown draft or one of another kind, 409 for a dismissed one.
 */
export async function adoptChecklistDraft({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: AdoptChecklistDraftInput;
}): Promise<DraftAdoption> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const draft = await lockDraftToAdopt(tx.db, input.draftId, 'checklist');
    const id = input.id ?? templateIdOf(draft.title);
    const name = input.name ?? draft.title.slice(0, 200);
    const items = draft.data.items.slice(0, maxItems).map((item) => ({ text: item.text.slice(0, maxItemLength) }));
    const warnings =
      draft.data.items.length > maxItems
        ? [`${draft.data.items.length - maxItems} items past ${maxItems} left out`]
        : [];
    const existing = (await tx.db.query<ChecklistTemplateRow>(`${selectTemplateColumns} WHERE id = $1`, [id])).rows[0];
    let planned: PlannedEntry;
    if (existing === undefined) {
      planned = {
        entry: { action: 'create', target: name, id, detail: `checklist template of ${items.length} items`, warnings },
        write: async (txCtx) => (await createChecklistTemplate({ ctx: txCtx, input: { id, name, items } })).id,
      };
    } else if (
      JSON.stringify(existing.items.map((item) => item.text)) === JSON.stringify(items.map((item) => item.text))
    ) {
      planned = { entry: { action: 'keep', target: existing.name, id, detail: 'already a template', warnings } };
    } else {
      throw conflict(`checklist template ${id} already exists with other items: give another id`, { id });
    }
    return carryOutAdoption(
      tx,
      { id: input.draftId, kind: 'checklist', status: draft.status },
      [planned],
      input.dryRun ?? false,
    );
  });
}
