import { FieldError, type AdminForm } from '../admin/form-feedback';
import { useI18n } from '../i18n';
import type { TemplateChoices } from '../policies/policies-types';
import { TemplatePreviewView, usePreview, type PreviewRequest } from '../policies/template-preview';
import type { TemplateDraftAdoption } from './runbook-types';

/** Blank → variable, or null to keep it as written (the API's `mapping`). */
export type Mapping = Record<string, string | null>;
type Choice = 'kind' | 'locale' | 'channel';

/** The API's path of a blank's mapping (JSON pointer, `~` and `/` escaped), where its error comes back. */
export const blankPath = (blank: string): string => `/mapping/${blank.replace(/~/g, '~0').replace(/\//g, '~1')}`;

// A select's value for "keep as written": no variable name starts with a colon.
const keepValue = ':keep';

/** The message, language and channel kind a template is for, from the server's lists. */
export function TemplateChoiceFields({
  choices,
  value,
  onChange,
  form,
}: {
  choices: TemplateChoices;
  value: Record<Choice, string>;
  onChange: Record<Choice, (value: string) => void>;
  form: AdminForm;
}) {
  const { t } = useI18n();
  const options: Record<Choice, [string, string][]> = {
    kind: choices.kinds.map((kind) => [kind, t(`policies.templates.kind.${kind}`)]),
    locale: choices.locales.map((locale) => [locale, t(`policies.templates.locale.${locale}`)]),
    channel: choices.channels.map((row) => [row.kind, row.label]),
  };
  return (
    <>
      {(['kind', 'locale', 'channel'] as const).map((name) => (
        <label key={name}>
          <span>{t(`policies.templates.${name}`)}</span>
          <select
            value={value[name]}
            onChange={(event) => onChange[name](event.target.value)}
            data-testid={`adopt-template-${name}`}
            {...form.describe(`/${name}`)}
          >
            {options[name].map(([option, label]) => (
              <option key={option} value={option}>
                {label}
              </option>
            ))}
          </select>
          <FieldError form={form} path={`/${name}`} />
        </label>
      ))}
    </>
  );
}

/** Each blank of the document with the variable it becomes: chosen, else the server's guess (said so). */
export function TemplateBlanks({
  blanks,
  variables,
  chosen,
  onChoose,
  form,
}: {
  blanks: TemplateDraftAdoption['blanks'];
  variables: readonly string[];
  chosen: Mapping;
  onChoose: (blank: string, value: string | null) => void;
  form: AdminForm;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="template-blanks">
      <legend>{t('runbooks.adoptTemplate.blanks')}</legend>
      {blanks.map(({ blank, variable, guessed, needsChoice }) => {
        const choice = chosen[blank];
        const shown = choice !== undefined ? choice : needsChoice ? '' : variable;
        return (
          <label key={blank} data-testid="adopt-template-blank">
            <span>
              {t('runbooks.adoptTemplate.blank', { blank })}
              {choice === undefined && guessed && ` ${t('runbooks.adoptTemplate.guessed')}`}
            </span>
            <select
              value={shown ?? keepValue}
              onChange={(event) => onChoose(blank, event.target.value === keepValue ? null : event.target.value)}
              {...form.describe(blankPath(blank))}
            >
              {shown === '' && <option value="">{t('runbooks.adoptTemplate.choose')}</option>}
              <option value={keepValue}>{t('runbooks.adoptTemplate.keep')}</option>
              {variables.map((name) => (
                <option key={name} value={name}>
                  {`{{${name}}}`}
                </option>
              ))}
            </select>
            <FieldError form={form} path={blankPath(blank)} />
          </label>
        );
      })}
    </fieldset>
  );
}

/** The template the blanks make, rendered by the server as its channel would show it. */
export function TemplateOutcome({ request }: { request: PreviewRequest }) {
  const { t } = useI18n();
  const preview = usePreview(request, []);
  const outcome = preview.data;
  return (
    <section className="template-outcome" aria-label={t('runbooks.adoptTemplate.preview')}>
      <h3 className="adoption-entries-title">{t('runbooks.adoptTemplate.preview')}</h3>
      {outcome?.preview != null && <TemplatePreviewView preview={outcome.preview} />}
      {outcome?.errors != null && (
        <p className="error">{[outcome.errors.general, ...Object.values(outcome.errors.fields)].join(' ')}</p>
      )}
    </section>
  );
}
