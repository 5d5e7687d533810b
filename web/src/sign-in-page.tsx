import { useEffect, useState, type FormEvent } from 'react';
import { api } from './api';
import { errorText } from './format';
import { isMessageKey, useI18n, type MessageKey } from './i18n';
import { PasswordField } from './password-field';
import { navigate, safeNext, useLocation } from './router';
import { signIn } from './session';
import type { Session } from './types';

/** What `GET /auth/methods` says: single sign-on, when configured, with the provider's name. */
interface SignInMethods {
  password: boolean;
  oidc: { label: string; startUrl: string } | null;
}

/**
 * The text for a failed single sign-on: the server sends people back with a reason
 * (`?error=oidc_no_role`), never its own words, so a crafted link can only show our sentences.
 */
function oidcErrorKey(reason: string): MessageKey {
  const key = `signIn.oidcError.${reason.replace(/^oidc_/, '')}`;
  return isMessageKey(key) ? key : 'signIn.oidcError.failed';
}

/**
 * User name and password, and a "Sign in with …" link when single sign-on is on. After signing
 * in, goes back to the page that asked for it (`?next=`), so a link to an incident opened from a
 * page still lands on that incident; single sign-on carries `next` through the provider.
 */
export function SignInPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [methods, setMethods] = useState<SignInMethods | null>(null);
  const reason = search.get('error');
  // Shown above everything, where the person lands; a password attempt's own error replaces it.
  const oidcError = error === null && reason !== null ? t(oidcErrorKey(reason)) : null;

  useEffect(() => {
    let live = true;
    // Without an answer the page is the password form alone, which always works.
    api<SignInMethods>('GET', '/auth/methods').then(
      (answer) => live && setMethods(answer),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

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

  const oidc = methods?.oidc ?? null;
  return (
    <section className="sign-in">
      <h1>{t('signIn.title')}</h1>
      {oidcError !== null && (
        <p id="sign-in-error" className="error" role="alert" data-testid="sign-in-error">
          {oidcError}
        </p>
      )}
      {oidc !== null && (
        // A plain link, not a form: the page's CSP (`form-action 'self'`) would stop a form's
        // redirect to the provider, and a link keeps "open in new tab" working.
        <p>
          <a
            className="oidc-sign-in"
            href={`${oidc.startUrl}?next=${encodeURIComponent(safeNext(search.get('next')))}`}
            data-testid="sign-in-oidc"
          >
            {t('signIn.oidcButton', { provider: oidc.label })}
          </a>
        </p>
      )}
      {oidc !== null && <p className="oidc-or">{t('signIn.oidcOr')}</p>}
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
        <PasswordField
          label={t('signIn.password')}
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          testId="sign-in-password"
        />
        {error !== null && (
          <p id="sign-in-error" className="error" role="alert" data-testid="sign-in-error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy} data-testid="sign-in-submit">
          {busy ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
