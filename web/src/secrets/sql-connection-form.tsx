import { useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { FieldError, useAdminForm } from '../admin/form-feedback';
import { DescriptionField, EditorForm, NameField, type EditorCaller } from './editor-form';
import {
  connectionUrl,
  emptyFields,
  fieldsOf,
  hiddenPassword,
  shownUrl,
  tlsModes,
  type ConnectionFields,
} from './connection-url';
import type { SqlConnection } from './secrets-types';

const paths = ['/params/name', '/url', '/description'] as const;
type TextField = Exclude<keyof ConnectionFields, 'tls' | 'otherParameters'>;
const textFields: readonly { field: TextField; label: 'host' | 'port' | 'database' | 'user'; wide?: boolean }[] = [
  { field: 'host', label: 'host', wide: true },
  { field: 'port', label: 'port' },
  { field: 'database', label: 'database' },
  { field: 'user', label: 'user' },
];

/**
 * Adds a connection, or edits `existing`: host, port, database, user, password and TLS mode, put
 * together into the URL the API stores, shown as it will be listed (password as `****`). An edit
 * starts from the stored URL without its password: left empty, the server keeps the stored one.
 */
export function SqlConnectionForm({ existing, onSaved, onCancel }: EditorCaller<SqlConnection, SqlConnection>) {
  const { t } = useI18n();
  const form = useAdminForm(paths);
  const [name, setName] = useState(existing?.name ?? '');
  const [fields, setFields] = useState<ConnectionFields>(
    existing === undefined ? emptyFields : fieldsOf(existing.displayUrl),
  );
  const [description, setDescription] = useState(existing?.description ?? '');
  const firstRef = useRef<HTMLInputElement>(null);
  const keepPassword = existing !== undefined && new URL(existing.displayUrl).password === hiddenPassword;
  const set = (field: keyof ConnectionFields, value: string) =>
    setFields((current) => ({ ...current, [field]: value }));

  useEffect(() => {
    if (existing !== undefined) firstRef.current?.focus();
  }, [existing]);

  const submit = async () => {
    const typed = description.trim() === '' ? null : description.trim();
    const body = { url: connectionUrl(fields, keepPassword), description: typed };
    await form.submit(async () => {
      const path = `/api/v1/sql-connections/${encodeURIComponent(name.trim())}`;
      const saved = await api<SqlConnection>('PUT', path, body);
      // The typed password leaves the page's memory with the form.
      setFields(existing === undefined ? emptyFields : fieldsOf(saved.displayUrl));
      if (existing === undefined) {
        setName('');
        setDescription('');
      }
      onSaved(saved);
    });
  };

  return (
    <EditorForm
      form={form}
      editing={existing !== undefined}
      heading={
        existing === undefined ? t('sqlConnections.create') : t('sqlConnections.editHeading', { name: existing.name })
      }
      testId={existing === undefined ? 'connection-create' : 'connection-edit-form'}
      onSubmit={submit}
      submitLabel={t('sqlConnections.save')}
      canSubmit={name.trim() !== '' && fields.host.trim() !== ''}
      onCancel={onCancel}
    >
      <div className="form-row">
        {existing === undefined && (
          <NameField
            form={form}
            label={t('sqlConnections.name')}
            hint={t('sqlConnections.nameHint')}
            value={name}
            onChange={setName}
            testId="connection-name"
            capitals={false}
          />
        )}
        {textFields.map(({ field, label, wide }, index) => (
          <label key={field} className={wide === true ? 'grow' : undefined}>
            <span>{t(`sqlConnections.${label}`)}</span>
            <input
              ref={index === 0 ? firstRef : undefined}
              required={field !== 'port'}
              inputMode={field === 'port' ? 'numeric' : undefined}
              spellCheck={false}
              autoCapitalize="none"
              value={fields[field]}
              onChange={(event) => set(field, event.target.value)}
              data-testid={`connection-${field}`}
              {...(index === 0 ? form.describe('/url') : {})}
            />
          </label>
        ))}
        <label>
          <span>{keepPassword ? t('sqlConnections.passwordKeep') : t('sqlConnections.password')}</span>
          <input
            type="password"
            autoComplete="new-password"
            value={fields.password}
            onChange={(event) => set('password', event.target.value)}
            data-testid="connection-password"
          />
        </label>
        <label>
          <span>{t('sqlConnections.tls')}</span>
          <select value={fields.tls} onChange={(event) => set('tls', event.target.value)} data-testid="connection-tls">
            {tlsModes.map((mode) => (
              <option key={mode} value={mode}>
                {t(`sqlConnections.tls.${mode}`)}
              </option>
            ))}
            {!tlsModes.some((mode) => mode === fields.tls) && (
              <option value={fields.tls}>{t('sqlConnections.tls.other', { mode: fields.tls })}</option>
            )}
          </select>
        </label>
        <DescriptionField
          form={form}
          label={t('sqlConnections.description')}
          value={description}
          onChange={setDescription}
          testId="connection-description"
        />
      </div>
      <p className="connection-preview">
        <span className="hint">{t('sqlConnections.preview')}</span>
        <code className="connection-url" data-testid="connection-preview">
          {shownUrl(fields, keepPassword)}
        </code>
      </p>
      <FieldError form={form} path="/url" />
    </EditorForm>
  );
}
