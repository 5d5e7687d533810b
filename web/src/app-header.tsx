import { hasRole, type ConsoleRoute } from './console-route';
import { languages, setLanguage, useI18n, type Language } from './i18n';
import { Link } from './router';
import type { SessionState } from './session';

const languageNames: Record<Language, string> = { en: 'English', fr: 'Français' };

/** The top bar: skip link, home, the pages' links, language switcher, who is signed in, sign-out. */
export function AppHeader({ session, routes }: { session: SessionState | null; routes: readonly ConsoleRoute[] }) {
  const { language, t } = useI18n();
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Link to="/" className="brand">
        Astreinte
      </Link>
      {session !== null && (
        <nav aria-label="Astreinte">
          {routes.flatMap(({ nav }) =>
            nav === undefined || (nav.minRole !== undefined && !hasRole(session.session.user.role, nav.minRole))
              ? []
              : [
                  <Link key={nav.to} to={nav.to}>
                    {t(nav.label)}
                  </Link>,
                ],
          )}
        </nav>
      )}
      <div className="header-end">
        <label className="language-switcher">
          <span>{t('app.language')}</span>
          <select
            value={language}
            data-testid="language-switcher"
            onChange={(event) => setLanguage(event.target.value === 'fr' ? 'fr' : 'en')}
          >
            {languages.map((code) => (
              // Each language is named in itself: someone who cannot read the current one still finds theirs.
              <option key={code} value={code} lang={code}>
                {languageNames[code]}
              </option>
            ))}
          </select>
        </label>
        {session !== null && (
          <>
            <span className="signed-in-as" data-testid="signed-in-user">
              {t('app.signedInAs', { name: session.session.user.name, role: session.session.user.role })}
            </span>
            <button type="button" className="secondary" data-testid="sign-out" onClick={() => void session.signOut()}>
              {t('app.signOut')}
            </button>
          </>
        )}
      </div>
    </header>
  );
}
