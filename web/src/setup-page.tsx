import { useEffect, useState, type FormEvent } from 'react';
import type { SetupLinkInfo } from '../../src/auth/check-setup-link.js';
import type { SetupLinkRefusal } from '../../src/auth/setup-link-model.js';
import { api, ApiError, setCsrfToken } from './api';
import { errorText } from './format';
import { useI18n, type MessageKey } from './i18n';
import { PasswordField } from './password-field';
import { navigate, useLocation } from './router';
import type { Session } from './types';

type Check =
  | { state: 'checking' }
  | { state: 'usable'; info: SetupLinkInfo }
  | { state: 'refused'; reason: string }
  /** The server could not say (unreachable, say): not the link's fault, so not called invalid. */
  | { state: 'failed'; text: string };

const refusalKeys: Record<SetupLinkRefusal, MessageKey> = {
  unknown: 'setup.refused.unknown',
  used: 'setup.refused.used',
  expired: 'setup.refused.expired',
};

/** Why the server refused the link (`details.reason`), or null for any other failure. */
function refusalOf(error: unknown): string | null {
  const reason = error instanceof ApiError && error.status === 400 ? error.details['reason'] : undefined;
  return typeof reason === 'string' ? reason : null;
}

const refusalText = (reason: string): MessageKey =>
  reason in refusalKeys ? refusalKeys[reason as SetupLinkRefusal] : 'setup.refused.unknown';

/**
 * The one-time setup link's page (`/setup?token=…`): says whom the link is for, lets them choose
 * a password (typed twice), then signs them in and opens the console. A link that no longer
 * works says why at once, and how to get a new one.
 */
export function SetupPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const { t } = useI18n();
  const token = useLocation().search.get('token') ?? '';
  const [check, setCheck] = useState<Check>({ state: 'checking' });
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    if (token === '') setCheck({ state: 'refused', reason: 'unknown' });
    else
      api<SetupLinkInfo>('POST', '/api/v1/setup/check', { token }).then(
        (info) => live && setCheck({ state: 'usable', info }),
        (failure: unknown) => {
          const reason = refusalOf(failure);
          if (live)
            setCheck(reason === null ? { state: 'failed', text: errorText(failure, t) } : { state: 'refused', reason });
        },
      );
    return () => {
      live = false;
    };
  }, [token, t]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (password !== confirm) return setError(t('setup.mismatch'));
    setBusy(true);
    setError(null);
    try {
      const session = await api<Session>('POST', '/api/v1/setup', { token, password });
      setCsrfToken(session.csrfToken);
      onSignedIn(session);
      navigate('/', { replace: true });
    } catch (failure) {
      const reason = refusalOf(failure);
      if (reason !== null) setCheck({ state: 'refused', reason });
      else setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="sign-in">
      <h1>{t('setup.title')}</h1>
      {check.state === 'checking' && <p>{t('app.loading')}</p>}
      {check.state === 'failed' && (
        <p className="error" role="alert">
          {check.text}
        </p>
      )}
      {check.state === 'refused' && (
        <>
          <p className="error" role="alert" data-testid="setup-refused">
            {t(refusalText(check.reason))}
          </p>
          <p>{t('setup.newLink')}</p>
          <p>
            <a href="/sign-in">{t('setup.toSignIn')}</a>
          </p>
        </>
      )}
      {check.state === 'usable' && (
        <>
          <p data-testid="setup-intro">{t('setup.intro', { username: check.info.username })}</p>
          <form onSubmit={(event) => void submit(event)} aria-describedby={error === null ? undefined : 'setup-error'}>
            <label>
              <span>{t('signIn.username')}</span>
              <input name="username" autoComplete="username" readOnly value={check.info.username} />
            </label>
            <PasswordField
              label={t('setup.password')}
              autoComplete="new-password"
              autoFocus
              minLength={12}
              describedBy="setup-password-hint"
              value={password}
              onChange={setPassword}
              testId="setup-password"
            />
            <p id="setup-password-hint">{t('setup.passwordHint')}</p>
            <PasswordField
              label={t('setup.confirm')}
              autoComplete="new-password"
              value={confirm}
              onChange={setConfirm}
              testId="setup-confirm"
            />
            {error !== null && (
              <p id="setup-error" className="error" role="alert" data-testid="setup-error">
                {error}
              </p>
            )}
            <button type="submit" disabled={busy} data-testid="setup-submit">
              {busy ? t('setup.submitting') : t('setup.submit')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
