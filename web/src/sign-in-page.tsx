import { useState, type FormEvent } from 'react';
import { errorText } from './format';
import { useI18n } from './i18n';
import { navigate, safeNext, useLocation } from './router';
import { signIn } from './session';
import type { Session } from './types';

/**
 * User name and password. After signing in, goes back to the page that asked for it
 * (`?next=`), so a link to an incident opened from a page still lands on that incident.
 */
export function SignInPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await signIn(username.trim(), password);
      onSignedIn(session);
      navigate(safeNext(search.get('next')), { replace: true });
    } catch (failure) {
      setError(errorText(failure, t));
      // Keep the user name; the password is retyped, as every sign-in form does.
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="sign-in">
      <h1>{t('signIn.title')}</h1>
      <form onSubmit={(event) => void submit(event)} aria-describedby={error === null ? undefined : 'sign-in-error'}>
        <label>
          <span>{t('signIn.username')}</span>
          <input
            name="username"
            autoComplete="username"
            autoFocus
            required
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            data-testid="sign-in-username"
          />
        </label>
        <label>
          <span>{t('signIn.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            data-testid="sign-in-password"
          />
        </label>
        {error !== null && (
          <p id="sign-in-error" className="error" role="alert" data-testid="sign-in-error">{error}</p>
        )}
        <button type="submit" disabled={busy} data-testid="sign-in-submit">
          {busy ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
