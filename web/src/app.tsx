import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, setUnauthenticatedHandler } from './api';
import { AppHeader } from './app-header';
import { errorText } from './format';
import { useI18n } from './i18n';
import { IncidentList } from './incident-list';
import { IncidentPage } from './incident-page';
import { matchRoute, type ConsoleRoute } from './console-route';
import { adminRoutes } from './admin/admin-routes';
import { channelsRoutes } from './channels/channels-routes';
import { escalationRoutes } from './escalation/escalation-routes';
import { policiesRoutes } from './policies/policies-routes';
import { profileRoutes } from './profile/profile-routes';
import { postmortemsRoutes } from './postmortems/postmortems-routes';
import { probesRoutes } from './probes/probes-routes';
import { reportsRoutes } from './reports/reports-routes';
import { runbooksRoutes } from './runbooks/runbooks-routes';
import { RunnerBanner } from './runners/runner-banner';
import { runnersRoutes } from './runners/runners-routes';
import { secretsRoutes } from './secrets/secrets-routes';
import { schedulesRoutes } from './schedules/schedules-routes';
import { servicesRoutes } from './services/services-routes';
import { teamsRoutes } from './teams/teams-routes';
import { navigate, signInPath, useLocation } from './router';
import { endSession, loadSession, SessionContext, type SessionState } from './session';
import { SetupPage } from './setup-page';
import { SignInPage } from './sign-in-page';
import type { Session } from './types';

/** Every page after sign-in, first match wins. */
export const consoleRoutes: readonly ConsoleRoute[] = [
  { pattern: /^\/$/, render: () => <IncidentList />, nav: { to: '/', label: 'app.incidents' } },
  // The key remounts the page when going from one incident to another: no stale state.
  { pattern: /^\/incidents\/([^/]+)\/?$/, render: ([id = '']) => <IncidentPage key={id} id={id} /> },
  ...runbooksRoutes,
  ...servicesRoutes,
  ...postmortemsRoutes,
  ...reportsRoutes,
  ...runnersRoutes,
  ...teamsRoutes,
  ...secretsRoutes,
  ...schedulesRoutes,
  ...escalationRoutes,
  ...channelsRoutes,
  ...profileRoutes,
  ...policiesRoutes,
  ...probesRoutes,
  ...adminRoutes,
];

type Boot = { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'ready'; session: Session | null };

const here = (): string => window.location.pathname + window.location.search;
/** Pages shown to whoever is not signed in: signing in, and choosing a password with a setup link. */
const publicPages = new Set(['/sign-in', '/setup']);

/**
 * The console: finds out who is signed in, then shows the page the URL names —
 * `/` the incidents, `/incidents/:id` one incident, `/sign-in` the sign-in form.
 */
export function App() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });

  const check = useCallback(() => {
    setBoot({ state: 'loading' });
    loadSession()
      .then((session) => setBoot({ state: 'ready', session }))
      .catch((error: unknown) =>
        setBoot(
          error instanceof ApiError && error.status === 401
            ? { state: 'ready', session: null }
            : { state: 'failed', error },
        ),
      );
  }, []);

  useEffect(() => {
    check();
    // A session can end while the console is open (idle timeout, password changed elsewhere).
    setUnauthenticatedHandler(() => {
      setBoot({ state: 'ready', session: null });
      if (!publicPages.has(window.location.pathname)) navigate(signInPath(here()), { replace: true });
    });
  }, [check]);

  const session = boot.state === 'ready' ? boot.session : null;
  const needsSignIn = boot.state === 'ready' && session === null && !publicPages.has(pathname);
  useEffect(() => {
    if (needsSignIn) navigate(signInPath(here()), { replace: true });
  }, [needsSignIn]);

  const signOut = useCallback(async () => {
    try {
      await endSession();
    } finally {
      setBoot({ state: 'ready', session: null });
      navigate('/sign-in');
    }
  }, []);
  const sessionState = useMemo<SessionState | null>(
    () => (session === null ? null : { session, signOut }),
    [session, signOut],
  );

  if (boot.state === 'loading') return <p className="boot">{t('app.loading')}</p>;
  if (boot.state === 'failed') {
    return (
      <div className="boot" role="alert">
        <p>{errorText(boot.error, t)}</p>
        <button type="button" onClick={check}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (publicPages.has(pathname)) {
    const onSignedIn = (signedIn: Session) => setBoot({ state: 'ready', session: signedIn });
    return (
      <>
        <AppHeader session={null} routes={[]} />
        <main id="main" tabIndex={-1}>
          {pathname === '/setup' ? <SetupPage onSignedIn={onSignedIn} /> : <SignInPage onSignedIn={onSignedIn} />}
        </main>
      </>
    );
  }
  if (sessionState === null) return <p className="boot">{t('app.loading')}</p>;
  const matched = matchRoute(consoleRoutes, pathname);
  return (
    <SessionContext.Provider value={sessionState}>
      <AppHeader session={sessionState} routes={consoleRoutes} />
      <RunnerBanner />
      <main id="main" tabIndex={-1}>
        {matched !== null ? (
          matched.route.render(matched.params)
        ) : (
          <p role="alert">{t('error.notFound', { what: pathname })}</p>
        )}
      </main>
    </SessionContext.Provider>
  );
}
