import { Type, type Static } from 'typebox';
import { validationError } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { lockDraftToAdopt, markDraftAdopted } from '../../runbooks/lock-draft-to-adopt.js';
import { ChannelKindSchema } from '../channel-kinds.js';
import { NotificationLocaleSchema } from '../channel-model.js';
import {
  NotificationKindSchema,
  templateVariables,
  type TemplateOverride,
  type TemplateVariable,
} from '../templates/template-model.js';
import { putTemplate } from './put-template.js';

export const AdoptTemplateDraftInput = Type.Object(
  {
    draftId: Type.String({ format: 'uuid' }),
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

/** Blanks teams write, and the variable each stands for (accents and case folded). */
const glossary: readonly [RegExp, TemplateVariable][] = [
  [/^(titre|title|incident|nom de l'incident|sujet)$/, 'title'],
  [/^(p\[?1-[34]\]?|severite|severity|priorite|priority|niveau)$/, 'severity'],
  [/(date|heure|time|detecte|detected|debut|start)/, 'time'],
  [/(impact|description|resume|summary)/, 'summary'],
  [/(service|affecte|affected|perimetre)/, 'services'],
  [/^(statut|status|etat|state)$/, 'status'],
  [/^(id|numero|reference|incident id)$/, 'incidentId'],
  [/(lien|link|url)/, 'incidentUrl'],
];

const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Turns a communication template found in an imported runbook into the template of one kind of
 * message (admin): its blanks (`[Titre]`, `{{ service }}`, `<heure>`) become variables, by name
 * or by `mapping`; a blank neither names nor is mapped answers 400 at `/mapping/<blank>` (map it
 * to null to keep it as written). The draft is marked adopted.
 */
export async function adoptTemplateDraft({ ctx, input }: { ctx: Ctx; input: AdoptTemplateDraftInput }) {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const draft = await lockDraftToAdopt(tx.db, input.draftId, 'communication-template');
    const issues: { path: string; message: string }[] = [];
    const fill = (text: string): string =>
      draft.data.placeholders.reduce((result, blank) => {
        const mapped = input.mapping?.[blank];
        const variable = mapped === undefined ? glossary.find(([pattern]) => pattern.test(fold(blank)))?.[1] : mapped;
        if (variable === undefined) {
          if (!issues.some((issue) => issue.path.endsWith(`/${blank}`)))
            issues.push({
              path: `/mapping/${blank.replace(/~/g, '~0').replace(/\//g, '~1')}`,
              message: `which variable is "${blank}"? one of ${Object.keys(templateVariables).join(', ')}, or null`,
            });
          return result;
        }
        if (variable === null) return result;
        if (!(variable in templateVariables)) {
          issues.push({ path: `/mapping/${blank}`, message: `unknown variable ${variable}` });
          return result;
        }
        // Wrapped as teams write blanks; a blank that carries its own brackets (`P[1-3]`) also as is.
        const written = new RegExp(
          `\\[\\s*${escapeRegExp(blank)}\\s*\\]|\\{\\{\\s*${escapeRegExp(blank)}\\s*\\}\\}|\\{\\s*${escapeRegExp(blank)}\\s*\\}|<\\s*${escapeRegExp(blank)}\\s*>` +
            (/[[{<]/.test(blank) ? `|${escapeRegExp(blank)}` : ''),
          'g',
        );
        return result.replace(written, `{{${variable}}}`);
      }, text);
    const body = fill(draft.data.body);
    const subject = draft.data.subject === null ? undefined : fill(draft.data.subject);
    if (issues.length > 0) throw validationError('some blanks need a variable', issues);
    const template: TemplateOverride = { markdown: body, text: body, ...(subject === undefined ? {} : { subject }) };
    const stored = await putTemplate({
      ctx: tx,
      input: { kind: input.kind, locale: input.locale, channel: input.channel, template },
    });
    await markDraftAdopted(tx.db, input.draftId);
    return stored;
  });
}
