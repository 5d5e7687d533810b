import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import type { User } from './admin-types';
import { FieldError, FormError, useAdminForm } from './form-feedback';

const fields = ['/password', '/currentPassword'] as const;

/**
 * Sets someone's console password (`PUT /api/v1/users/{id}/password`): at least 12 characters,
 * typed twice, since nobody can read it back. Their open sessions end on the server. One's own
 * needs the current one too: a console left open must not let a passer-by lock its owner out.
 */
export function UserPasswordForm({
  user,
  self,
  onDone,
}: {
  user: User;
  self: boolean;
  onDone: (changed: boolean) => void;
}) {
  const { t } = useI18n();
  const form = useAdminForm(fields);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [current, setCurrent] = useState('');
  const firstRef = useRef<HTMLInputElement>(null);
  const mismatch = again !== '' && again !== password;

  useEffect(() => {
    firstRef.current?.focus();
  }, []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (password !== again) return;
    const done = await form.submit(() =>
      api<void>(
        'PUT',
        `/api/v1/users/${encodeURIComponent(user.id)}/password`,
        self ? { password, currentPassword: current } : { password },
      ),
    );
    if (done) onDone(true);
  };

  return (
    <form
      ref={form.formRef}
      className="admin-form inline-form"
      onSubmit={(event) => void submit(event)}
      aria-label={t('admin.users.passwordFor', { username: user.username })}
      noValidate
    >
      <div className="form-row">
        {self && (
          <label>
            <span>{t('admin.users.currentPassword')}</span>
            <input
              ref={firstRef}
              type="password"
              autoComplete="current-password"
              value={current}
              onChange={(event) => setCurrent(event.target.value)}
              data-testid="user-current-password"
              {...form.describe('/currentPassword')}
            />
            <FieldError form={form} path="/currentPassword" />
          </label>
        )}
        <label>
          <span>{t('admin.users.newPassword')}</span>
          <input
            ref={self ? undefined : firstRef}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            data-testid="user-password"
            {...form.describe('/password')}
          />
          <span className="hint">{t('admin.users.passwordHint')}</span>
          <FieldError form={form} path="/password" />
        </label>
        <label>
          <span>{t('admin.users.passwordAgain')}</span>
          <input
            type="password"
            autoComplete="new-password"
            value={again}
            onChange={(event) => setAgain(event.target.value)}
            aria-invalid={mismatch ? true : undefined}
            aria-describedby={mismatch ? `pw-mismatch-${user.id}` : undefined}
            data-testid="user-password-again"
          />
          {mismatch && (
            <span className="field-error" id={`pw-mismatch-${user.id}`}>
              {t('admin.users.passwordMismatch')}
            </span>
          )}
        </label>
        <button
          type="submit"
          disabled={form.busy || password === '' || password !== again}
          data-testid="user-password-submit"
        >
          {form.busy ? t('admin.saving') : t('admin.users.setPassword')}
        </button>
        <button type="button" className="secondary" onClick={() => onDone(false)}>
          {t('admin.cancel')}
        </button>
      </div>
      <FormError form={form} />
    </form>
  );
}
