import { useMemo, useState, type FormEvent } from 'react';
import { FieldError, FormError, useAdminForm } from '../admin/form-feedback';
import { api } from '../api';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import type { TemplateChoices } from '../policies/policies-types';
import { useResource } from '../use-resource';
import { AdoptionEntries, changedCount } from './adoption-entries';
import type { RunbookDraft, TemplateDraftAdoption } from './runbook-types';
import {
  blankPath,
  TemplateBlanks,
  TemplateChoiceFields,
  TemplateOutcome,
  type Mapping,
} from './template-adoption-fields';
import { useDebounced } from './use-debounced';

const endpoint = '/api/v1/notification-templates/adopt';

/**
 * Adopting a communication template asks which message it writes (kind, language, channel kind:
 * the server's lists) and what each blank of the document becomes: the glossary's guess, another
 * variable, or kept as written. The server's dry run answers the blanks and the template they
 * make, previewed as the channel would show it; a blank nobody guessed must be chosen.
 */
export function TemplateAdoptionForm({
  draft,
  onAdopted,
}: {
  draft: RunbookDraft;
  onAdopted: (count: number) => void;
}) {
  const { t, language } = useI18n();
  const loaded = useResource<TemplateChoices>('/api/v1/notification-templates/choices');
  const choices = loaded.data;
  const [kind, setKind] = useState('triggered');
  const [locale, setLocale] = useState<string>(language);
  const [channel, setChannel] = useState('email');
  // Only what the person chose; the other blanks take the server's guess.
  const [chosen, setChosen] = useState<Mapping>({});
  const [made, setMade] = useState<TemplateDraftAdoption | null>(null);
  const request = useMemo(
    () => ({ draftId: draft.id, kind, locale, channel, mapping: chosen }),
    [draft.id, kind, locale, channel, chosen],
  );
  const dryBody = useDebounced(JSON.stringify(request), 300);
  const dry = useResource<TemplateDraftAdoption>({
    key: dryBody,
    load: () => api<TemplateDraftAdoption>('POST', endpoint, { ...JSON.parse(dryBody), dryRun: true }),
  });
  const blanks = dry.data?.blanks ?? [];
  const form = useAdminForm(['/kind', '/locale', '/channel', ...blanks.map((blank) => blankPath(blank.blank))]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Each blank as shown: chosen, else guessed; one still to choose is left for the server to ask.
    const mapping: Mapping = {};
    for (const blank of blanks) {
      // `in`, not `??`: a blank chosen to stay as written is null.
      const value = blank.blank in chosen ? chosen[blank.blank] : blank.needsChoice ? undefined : blank.variable;
      if (value !== undefined) mapping[blank.blank] = value;
    }
    // Set inside the request: read after it, when it succeeded.
    const answer: { report?: TemplateDraftAdoption } = {};
    await form.submit(async () => {
      answer.report = await api<TemplateDraftAdoption>('POST', endpoint, { ...request, mapping });
    });
    if (answer.report !== undefined) {
      setMade(answer.report);
      onAdopted(changedCount(answer.report));
    }
  };

  if (made !== null) return <AdoptionEntries entries={made.entries} />;
  return (
    <form ref={form.formRef} className="admin-form template-adoption" onSubmit={(e) => void submit(e)} noValidate>
      <p>{t('runbooks.adoptTemplate.intro')}</p>
      <LoadError error={loaded.error ?? dry.error} onRetry={loaded.error ? loaded.reload : dry.reload} />
      {choices !== null && (
        <TemplateChoiceFields
          choices={choices}
          value={{ kind, locale, channel }}
          onChange={{ kind: setKind, locale: setLocale, channel: setChannel }}
          form={form}
        />
      )}
      {dry.data !== null && (
        <>
          <TemplateBlanks
            blanks={dry.data.blanks}
            variables={dry.data.variables}
            chosen={chosen}
            onChoose={(blank, value) => setChosen({ ...chosen, [blank]: value })}
            form={form}
          />
          <FieldError form={form} path="/mapping" />
          <AdoptionEntries entries={dry.data.entries} />
          <TemplateOutcome request={{ kind, locale, channel, template: dry.data.template }} />
        </>
      )}
      <button
        type="submit"
        disabled={form.busy || dry.data === null || dry.data.nothingNew}
        aria-label={t('runbooks.adoptTemplate.submitLabel', { title: draft.title })}
      >
        {t('runbooks.adoptTemplate.submit')}
      </button>
      <FormError form={form} />
    </form>
  );
}
