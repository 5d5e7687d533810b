import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { roles, type ApiToken, type User } from './admin-types';
import { FieldError, FormError, useAdminForm } from './form-feedback';
import { localInputToIso } from './local-time';

type Role = (typeof roles)[number];
const fields = ['/userId', '/name', '/role', '/expiresAt'] as const;

/** What the server answers once, and never again: the token and its secret. */
export interface CreatedToken {
  token: ApiToken;
  secret: string;
}

/**
 * Issues a token for someone: its owner, a name saying where it is used, a role (never above the
 * owner's: the server says so next to the role), and an optional expiry.
 */
export function TokenCreateForm({
  users,
  onCreated,
}: {
  users: readonly User[];
  onCreated: (created: CreatedToken) => void;
}) {
  const { t } = useI18n();
  const form = useAdminForm(fields);
  const [userId, setUserId] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [expiresAt, setExpiresAt] = useState('');
  const active = users.filter((user) => user.deactivatedAt === null);
  const owner = userId === '' ? (active[0]?.id ?? '') : userId;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const expiry = expiresAt === '' ? undefined : (localInputToIso(expiresAt) ?? expiresAt);
    await form.submit(async () => {
      const created = await api<CreatedToken>('POST', '/api/v1/tokens', {
        userId: owner,
        name: name.trim(),
        role,
        ...(expiry === undefined ? {} : { expiresAt: expiry }),
      });
      setName('');
      setExpiresAt('');
      onCreated(created);
    });
  };

  return (
    <form
      ref={form.formRef}
      className="admin-form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="token-create-heading"
      noValidate
    >
      <h2 id="token-create-heading">{t('admin.tokens.create')}</h2>
      <div className="form-row">
        <label>
          <span>{t('admin.tokens.owner')}</span>
          <select
            value={owner}
            onChange={(event) => setUserId(event.target.value)}
            data-testid="token-owner"
            {...form.describe('/userId')}
          >
            {active.map((user) => (
              <option
                key={user.id}
                value={user.id}
              >{`${user.name} (${user.username}, ${t(`admin.role.${user.role}`)})`}</option>
            ))}
          </select>
          <FieldError form={form} path="/userId" />
        </label>
        <label className="grow">
          <span>{t('admin.tokens.name')}</span>
          <input
            required
            maxLength={100}
            value={name}
            placeholder={t('admin.tokens.namePlaceholder')}
            onChange={(event) => setName(event.target.value)}
            data-testid="token-name"
            {...form.describe('/name')}
          />
          <FieldError form={form} path="/name" />
        </label>
        <label>
          <span>{t('admin.tokens.role')}</span>
          <select
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
            data-testid="token-role"
            {...form.describe('/role')}
          >
            {roles.map((value) => (
              <option key={value} value={value}>
                {t(`admin.role.${value}`)}
              </option>
            ))}
          </select>
          <FieldError form={form} path="/role" />
        </label>
        <label>
          <span>{t('admin.tokens.expires')}</span>
          <input
            type="datetime-local"
            value={expiresAt}
            onChange={(event) => setExpiresAt(event.target.value)}
            data-testid="token-expires"
            {...form.describe('/expiresAt')}
          />
          <span className="hint">{t('admin.tokens.expiresHint')}</span>
          <FieldError form={form} path="/expiresAt" />
        </label>
        <button type="submit" disabled={form.busy || owner === ''} data-testid="token-create-submit">
          {form.busy ? t('admin.saving') : t('admin.tokens.createSubmit')}
        </button>
      </div>
      <FormError form={form} />
    </form>
  );
}
