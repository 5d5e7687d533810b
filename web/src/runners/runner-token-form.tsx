import { useId, useState, type FormEvent } from 'react';
import { FieldError, FormError, useAdminForm } from '../admin/form-feedback';
import { useI18n } from '../i18n';
import { createRunnerToken, parseLabels, type CreatedRunnerToken } from './runners-api';

const fields = ['/name'] as const;

/** A token just made, with the labels the admin means its runner to declare (for the command). */
export interface NewRunner {
  created: CreatedRunnerToken;
  labels: string[];
}

/**
 * Creates a runner token: a name (where it runs) and the labels its runner will declare. Labels
 * are not the token's — a runner declares them when it starts — so they only go into the command
 * shown with the secret; they are checked here, since a runner given a wrong one refuses to start.
 */
export function RunnerTokenForm({ onCreated }: { onCreated: (created: NewRunner) => void }) {
  const { t } = useI18n();
  const form = useAdminForm(fields);
  const [name, setName] = useState('');
  const [labels, setLabels] = useState('');
  const [invalid, setInvalid] = useState<string[]>([]);
  const labelsErrorId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseLabels(labels);
    setInvalid(parsed.invalid);
    if (parsed.invalid.length > 0) {
      form.formRef.current?.querySelector<HTMLElement>('[data-testid="runner-token-labels"]')?.focus();
      return;
    }
    await form.submit(async () => {
      const created = await createRunnerToken(name.trim());
      setName('');
      setLabels('');
      onCreated({ created, labels: parsed.labels });
    });
  };

  return (
    <form
      ref={form.formRef}
      className="admin-form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="runner-token-heading"
      noValidate
    >
      <h2 id="runner-token-heading">{t('runners.add')}</h2>
      <p className="hint">{t('runners.addIntro')}</p>
      <div className="form-row">
        <label className="grow">
          <span>{t('runners.name')}</span>
          <input
            required
            maxLength={100}
            value={name}
            placeholder={t('runners.namePlaceholder')}
            onChange={(event) => setName(event.target.value)}
            data-testid="runner-token-name"
            {...form.describe('/name')}
          />
          <FieldError form={form} path="/name" />
        </label>
        <label className="grow">
          <span>{t('runners.labelsField')}</span>
          <input
            value={labels}
            placeholder="env=prod"
            spellCheck={false}
            autoCapitalize="off"
            onChange={(event) => setLabels(event.target.value)}
            data-testid="runner-token-labels"
            {...(invalid.length === 0 ? {} : { 'aria-invalid': true, 'aria-describedby': labelsErrorId })}
          />
          <span className="hint">{t('runners.labelsHint')}</span>
          {invalid.length > 0 && (
            <span className="field-error" id={labelsErrorId} data-testid="field-error-labels">
              {t('runners.labelsInvalid', { parts: invalid.join(' ') })}
            </span>
          )}
        </label>
        <button type="submit" disabled={form.busy} data-testid="runner-token-submit">
          {form.busy ? t('admin.saving') : t('runners.createSubmit')}
        </button>
      </div>
      <FormError form={form} />
    </form>
  );
}
