import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { FieldError, FormError, useAdminForm } from '../admin/form-feedback';
import type { ListedSecret, Secret } from './secrets-types';

const fields = ['/params/name', '/value', '/description'] as const;
const namePattern = '[A-Za-z_][A-Za-z0-9_]{0,127}';

/**
 * Stores a secret: a new one (name, value, what it is for), or a new value for `existing`, its
 * description kept (the API replaces both). The value is typed in a password field and cleared
 * once stored: the page keeps no copy, and the API never sends it back.
 */
export function SecretForm({
  existing,
  onSaved,
  onCancel,
}: {
  existing?: ListedSecret;
  onSaved: (secret: Secret) => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const form = useAdminForm(fields);
  const headingId = useId();
  const [name, setName] = useState(existing?.name ?? '');
  const [value, setValue] = useState('');
  const [description, setDescription] = useState('');
  const valueRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Replacing: the one field to fill takes the focus.
    if (existing !== undefined) valueRef.current?.focus();
  }, [existing]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = name.trim();
    const body = {
      value,
      description:
        existing === undefined ? (description.trim() === '' ? null : description.trim()) : existing.description,
    };
    await form.submit(async () => {
      const saved = await api<Secret>('PUT', `/api/v1/secrets/${encodeURIComponent(target)}`, body);
      setValue('');
      setName(existing?.name ?? '');
      setDescription('');
      onSaved(saved);
    });
  };

  return (
    <form
      ref={form.formRef}
      className={existing === undefined ? 'admin-form' : 'admin-form inline-form'}
      onSubmit={(event) => void submit(event)}
      aria-labelledby={headingId}
      noValidate
      data-testid={existing === undefined ? 'secret-create' : 'secret-replace-form'}
    >
      {existing === undefined ? (
        <h2 id={headingId}>{t('secrets.create')}</h2>
      ) : (
        <h4 id={headingId}>{t('secrets.replaceLabel', { name: existing.name })}</h4>
      )}
      <div className="form-row">
        {existing === undefined && (
          <label>
            <span>{t('secrets.name')}</span>
            <input
              required
              pattern={namePattern}
              autoCapitalize="characters"
              spellCheck={false}
              value={name}
              onChange={(event) => setName(event.target.value)}
              data-testid="secret-name"
              {...form.describe('/params/name')}
            />
            <span className="hint">{t('secrets.nameHint')}</span>
            <FieldError form={form} path="/params/name" />
          </label>
        )}
        <label className="grow">
          <span>{existing === undefined ? t('secrets.value') : t('secrets.newValue', { name: existing.name })}</span>
          <input
            ref={valueRef}
            type="password"
            autoComplete="new-password"
            required
            minLength={6}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            data-testid="secret-value"
            {...form.describe('/value')}
          />
          <span className="hint">{t('secrets.valueHint', { name: name.trim() === '' ? '…' : name.trim() })}</span>
          <FieldError form={form} path="/value" />
        </label>
        {existing === undefined && (
          <label className="grow">
            <span>{t('secrets.description')}</span>
            <input
              maxLength={500}
              value={description}
              onChange={(event) => setDescription(event.target.value)}
              data-testid="secret-description"
              {...form.describe('/description')}
            />
            <FieldError form={form} path="/description" />
          </label>
        )}
        <button type="submit" disabled={form.busy || value === '' || name.trim() === ''} data-testid="secret-save">
          {form.busy ? t('admin.saving') : existing === undefined ? t('secrets.save') : t('secrets.replaceSubmit')}
        </button>
        {onCancel !== undefined && (
          <button type="button" className="secondary" onClick={onCancel}>
            {t('admin.cancel')}
          </button>
        )}
      </div>
      <FormError form={form} />
    </form>
  );
}
