import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { roles, type User } from './admin-types';
import { FieldError, FormError, useAdminForm } from './form-feedback';

type Role = (typeof roles)[number];
const fields = ['/username', '/name', '/email', '/role'] as const;

/**
 * Adds a person: login name (fixed once created), name, e-mail and role. Their password is set
 * afterwards from their row, so that it is never part of a form that is also about other things.
 */
export function UserCreateForm({ onCreated }: { onCreated: (user: User) => void }) {
  const { t } = useI18n();
  const form = useAdminForm(fields);
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  // The least power by default: an admin raises it on purpose.
  const [role, setRole] = useState<Role>('responder');
  const [created, setCreated] = useState<User | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCreated(null);
    await form.submit(async () => {
      const user = await api<User>('POST', '/api/v1/users', {
        username: username.trim(),
        name: name.trim(),
        email: email.trim(),
        role,
      });
      setCreated(user);
      setUsername('');
      setName('');
      setEmail('');
      onCreated(user);
    });
  };

  return (
    <form
      ref={form.formRef}
      className="admin-form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="user-create-heading"
      noValidate
    >
      <h2 id="user-create-heading">{t('admin.users.create')}</h2>
      <div className="form-row">
        <label>
          <span>{t('admin.users.username')}</span>
          <input
            required
            autoComplete="off"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            data-testid="user-username"
            {...form.describe('/username')}
          />
          <span className="hint">{t('admin.users.usernameHint')}</span>
          <FieldError form={form} path="/username" />
        </label>
        <label className="grow">
          <span>{t('admin.users.name')}</span>
          <input
            required
            value={name}
            onChange={(event) => setName(event.target.value)}
            data-testid="user-name"
            {...form.describe('/name')}
          />
          <FieldError form={form} path="/name" />
        </label>
        <label className="grow">
          <span>{t('admin.users.email')}</span>
          <input
            type="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            data-testid="user-email"
            {...form.describe('/email')}
          />
          <FieldError form={form} path="/email" />
        </label>
        <label>
          <span>{t('admin.users.role')}</span>
          <select
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
            data-testid="user-role"
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
        <button type="submit" disabled={form.busy} data-testid="user-create-submit">
          {form.busy ? t('admin.saving') : t('admin.users.createSubmit')}
        </button>
      </div>
      <p className="hint">{t('admin.roleHint')}</p>
      <FormError form={form} />
      {created !== null && form.errors.general === null && (
        <p className="success" role="status" data-testid="user-created">
          {t('admin.users.created', { username: created.username })}
        </p>
      )}
    </form>
  );
}
