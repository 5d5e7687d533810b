import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { hasRole, type ConsoleRoute } from './console-route';
import { languages, setLanguage, useI18n, type Language } from './i18n';
import { Link, useLocation } from './router';
import type { SessionState } from './session';

const languageNames: Record<Language, string> = { en: 'English', fr: 'Français' };

/**
 * The top bar: skip link, home, language switcher, and the pages' links with who is signed in behind a Menu button.
 * On a phone the bar is one line and the menu opens below it; from 64rem wide the menu is always shown inline and
 * the button hidden (styles.css). The language stays outside the menu: whoever cannot read the current language
 * must find theirs without opening a button labelled in it.
 */
export function AppHeader({ session, routes }: { session: SessionState | null; routes: readonly ConsoleRoute[] }) {
  const { language, t } = useI18n();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const header = useRef<HTMLElement>(null);
  // A followed link has done its job (closed by its click, or here when the URL changed another way).
  useEffect(() => setOpen(false), [pathname]);
  // A tap outside closes it, as a phone's menus do.
  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || header.current?.contains(event.target) !== true) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    // Focus was in the menu, which is gone: back to the button that opened it.
    toggle.current?.focus();
  };
  return (
    <header className="app-header" ref={header} onKeyDown={closeOnEscape}>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Link to="/" className="brand">
        Astreinte
      </Link>
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
          <button
            type="button"
            ref={toggle}
            className="menu-toggle secondary"
            aria-expanded={open}
            aria-controls="app-menu"
            data-testid="menu-toggle"
            onClick={() => setOpen((was) => !was)}
          >
            {t('phone.menu')}
          </button>
          <div
            id="app-menu"
            className={`app-menu${open ? ' open' : ''}`}
            aria-label={t('phone.menuLabel')}
            role="group"
          >
            <nav aria-label="Astreinte">
              {routes.flatMap(({ nav }) =>
                nav === undefined || (nav.minRole !== undefined && !hasRole(session.session.user.role, nav.minRole))
                  ? []
                  : [
                      <Link key={nav.to} to={nav.to} onClick={() => setOpen(false)}>
                        {t(nav.label)}
                      </Link>,
                    ],
              )}
            </nav>
            <div className="header-end">
              <span className="signed-in-as" data-testid="signed-in-user">
                {t('app.signedInAs', { name: session.session.user.name, role: session.session.user.role })}
              </span>
              <button type="button" className="secondary" data-testid="sign-out" onClick={() => void session.signOut()}>
                {t('app.signOut')}
              </button>
            </div>
          </div>
        </>
      )}
    </header>
  );
}
