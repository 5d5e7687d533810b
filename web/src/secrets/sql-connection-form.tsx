import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { FieldError, FormError, useAdminForm } from '../admin/form-feedback';
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
export function SqlConnectionForm({
  existing,
  onSaved,
  onCancel,
}: {
  existing?: SqlConnection;
  onSaved: (connection: SqlConnection) => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const form = useAdminForm(paths);
  const id = useId();
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

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = {
      url: connectionUrl(fields, keepPassword),
      description: description.trim() === '' ? null : description.trim(),
    };
    await form.submit(async () => {
      const saved = await api<SqlConnection>('PUT', `/api/v1/sql-connections/${encodeURIComponent(name.trim())}`, body);
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
    <form
      ref={form.formRef}
      className={existing === undefined ? 'admin-form connection-form' : 'admin-form inline-form connection-form'}
      onSubmit={(event) => void submit(event)}
      aria-labelledby={`${id}-heading`}
      noValidate
      data-testid={existing === undefined ? 'connection-create' : 'connection-edit-form'}
    >
      {existing === undefined ? (
        <h2 id={`${id}-heading`}>{t('sqlConnections.create')}</h2>
      ) : (
        <h4 id={`${id}-heading`}>{t('sqlConnections.editHeading', { name: existing.name })}</h4>
      )}
      <div className="form-row">
        {existing === undefined && (
          <label>
            <span>{t('sqlConnections.name')}</span>
            <input
              required
              value={name}
              spellCheck={false}
              autoCapitalize="none"
              onChange={(event) => setName(event.target.value)}
              data-testid="connection-name"
              {...form.describe('/params/name')}
            />
            <span className="hint">{t('sqlConnections.nameHint')}</span>
            <FieldError form={form} path="/params/name" />
          </label>
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
        <label className="grow">
          <span>{t('sqlConnections.description')}</span>
          <input
            maxLength={500}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            data-testid="connection-description"
            {...form.describe('/description')}
          />
          <FieldError form={form} path="/description" />
        </label>
      </div>
      <p className="connection-preview">
        <span className="hint">{t('sqlConnections.preview')}</span>
        <code className="connection-url" data-testid="connection-preview">
          {shownUrl(fields, keepPassword)}
        </code>
      </p>
      <FieldError form={form} path="/url" />
      <div className="row-actions">
        <button
          type="submit"
          disabled={form.busy || name.trim() === '' || fields.host.trim() === ''}
          data-testid="connection-save"
        >
          {form.busy ? t('admin.saving') : t('sqlConnections.save')}
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
