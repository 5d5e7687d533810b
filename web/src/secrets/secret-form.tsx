import { useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { FieldError, useAdminForm } from '../admin/form-feedback';
import { DescriptionField, EditorForm, NameField, type EditorCaller } from './editor-form';
import type { ListedSecret, Secret } from './secrets-types';

const fields = ['/params/name', '/value', '/description'] as const;

/**
 * Stores a secret: a new one (name, value, what it is for), or a new value for `existing`, its
 * description kept (the API replaces both). The value is typed in a password field and cleared
 * once stored: the page keeps no copy, and the API never sends it back.
 */
export function SecretForm({ existing, onSaved, onCancel }: EditorCaller<ListedSecret, Secret>) {
  const { t } = useI18n();
  const form = useAdminForm(fields);
  const [name, setName] = useState(existing?.name ?? '');
  const [value, setValue] = useState('');
  const [description, setDescription] = useState('');
  const valueRef = useRef<HTMLInputElement>(null);
  const shownName = name.trim() === '' ? '…' : name.trim();

  useEffect(() => {
    // Replacing: the one field to fill takes the focus.
    if (existing !== undefined) valueRef.current?.focus();
  }, [existing]);

  const submit = async () => {
    const typed = description.trim() === '' ? null : description.trim();
    const body = { value, description: existing === undefined ? typed : existing.description };
    await form.submit(async () => {
      const saved = await api<Secret>('PUT', `/api/v1/secrets/${encodeURIComponent(name.trim())}`, body);
      setValue('');
      setName(existing?.name ?? '');
      setDescription('');
      onSaved(saved);
    });
  };

  return (
    <EditorForm
      form={form}
      editing={existing !== undefined}
      heading={existing === undefined ? t('secrets.create') : t('secrets.replaceLabel', { name: existing.name })}
      testId={existing === undefined ? 'secret-create' : 'secret-replace-form'}
      onSubmit={submit}
      submitLabel={existing === undefined ? t('secrets.save') : t('secrets.replaceSubmit')}
      canSubmit={value !== '' && name.trim() !== ''}
      onCancel={onCancel}
    >
      <div className="form-row">
        {existing === undefined && (
          <NameField
            form={form}
            label={t('secrets.name')}
            hint={t('secrets.nameHint')}
            value={name}
            onChange={setName}
            testId="secret-name"
            capitals
          />
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
          <span className="hint">{t('secrets.valueHint', { name: shownName })}</span>
          <FieldError form={form} path="/value" />
        </label>
        {existing === undefined && (
          <DescriptionField
            form={form}
            label={t('secrets.description')}
            value={description}
            onChange={setDescription}
            testId="secret-description"
          />
        )}
      </div>
    </EditorForm>
  );
}
