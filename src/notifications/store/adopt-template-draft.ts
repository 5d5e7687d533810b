import { Type, type Static } from 'typebox';
import { validationError } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import {
  AdoptDraftInput,
  carryOutAdoption,
  DraftAdoptionSchema,
  type PlannedEntry,
} from '../../runbooks/draft-adoption.js';
import { lockDraftToAdopt } from '../../runbooks/lock-draft-to-adopt.js';
import { ChannelKindSchema } from '../channel-kinds.js';
import { NotificationLocaleSchema } from '../channel-model.js';
import {
  NotificationKindSchema,
  TemplateOverrideSchema,
  templateVariables,
  type TemplateOverride,
} from '../templates/template-model.js';
import { putTemplate, loadTemplateOverride } from './put-template.js';
import { fillBlanks, readBlanks, TemplateBlankSchema } from './template-draft-blanks.js';

export const AdoptTemplateDraftInput = Type.Object(
  {
    ...AdoptDraftInput.properties,
    kind: NotificationKindSchema,
    locale: NotificationLocaleSchema,
    channel: ChannelKindSchema,
    mapping: Type.Optional(
      Type.Record(Type.String({ minLength: 1, maxLength: 200 }), Type.Union([Type.String(), Type.Null()]), {
        description: 'blank of the draft → template variable, or null to keep the blank as written',
      }),
    ),
  },
  { additionalProperties: false },
);
export type AdoptTemplateDraftInput = Static<typeof AdoptTemplateDraftInput>;

export const TemplateDraftAdoptionSchema = Type.Object(
  {
    ...DraftAdoptionSchema.properties,
    blanks: Type.Array(TemplateBlankSchema),
    template: TemplateOverrideSchema,
    variables: Type.Array(Type.String(), { description: 'the variables a blank may become' }),
  },
  { title: 'TemplateDraftAdoption' },
);
/** An adoption's report, with each blank's variable and the template they make. */
export type TemplateDraftAdoption = Static<typeof TemplateDraftAdoptionSchema>;

const sameTemplate = (a: TemplateOverride, b: TemplateOverride): boolean =>
  a.markdown === b.markdown && a.text === b.text && a.subject === b.subject;

/**
 * Turns a communication template found in an imported runbook into the template of one kind of
 * message (admin): its blanks (`[Titre]`, `{{ service }}`, `<heure>`) become variables, by name
 * or by `mapping`; a blank neither names nor is mapped answers 400 at `/mapping/<blank>` (map it
 * to null to keep it as written). The same template already there is kept (nothing written);
 * another one is replaced (`update`). `dryRun` answers the blanks, the template and the entry
 * without refusing unknown blanks, so a form can show them.
 */
export async function adoptTemplateDraft({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: AdoptTemplateDraftInput;
}): Promise<TemplateDraftAdoption> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const draft = await lockDraftToAdopt(tx.db, input.draftId, 'communication-template');
    const dryRun = input.dryRun ?? false;
    const { blanks, issues } = readBlanks(draft.data.placeholders, input.mapping);
    if (issues.length > 0 && !dryRun) throw validationError('some blanks need a variable', issues);
    const body = fillBlanks(draft.data.body, blanks);
    const subject = draft.data.subject === null ? undefined : fillBlanks(draft.data.subject, blanks);
    const template: TemplateOverride = { markdown: body, text: body, ...(subject === undefined ? {} : { subject }) };
    const { kind, locale, channel } = input;
    const id = `${kind}/${locale}/${channel}`;
    const existing = await loadTemplateOverride(tx.db, kind, locale, channel);
    const warnings = issues.map((issue) => issue.message);
    const target = `${kind} message, ${locale}, ${channel}`;
    const planned: PlannedEntry =
      existing !== undefined && sameTemplate(existing, template)
        ? { entry: { action: 'keep', target, id, detail: 'already this template', warnings } }
        : {
            entry: {
              action: existing === undefined ? 'create' : 'update',
              target,
              id: existing === undefined ? null : id,
              detail:
                existing === undefined
                  ? 'message template in place of the default text'
                  : 'replaces the template written before',
              warnings,
            },
            write: async (txCtx) => {
              await putTemplate({ ctx: txCtx, input: { kind, locale, channel, template } });
              return id;
            },
          };
    const report = await carryOutAdoption(
      tx,
      { id: input.draftId, kind: 'communication-template', status: draft.status },
      [planned],
      dryRun,
    );
    return { ...report, blanks, template, variables: Object.keys(templateVariables) };
  });
}
