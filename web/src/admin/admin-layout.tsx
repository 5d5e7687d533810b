import type { ReactNode } from 'react';
import { hasRole } from '../console-route';
import { useI18n, type MessageKey } from '../i18n';
import { Link, useLocation } from '../router';
import { useSession } from '../session';
import type { Role } from '../types';
import './admin.css';

/** One admin page: where it is, its title and one-line purpose, and the least role the API lets do its work. */
export interface AdminSection {
  path: string;
  label: MessageKey;
  intro: MessageKey;
  minRole: Role;
}

/**
 * The admin pages. Silences and maintenance windows are the responders' own (the API lets them
 * create and end both); people, tokens, integrations, runners and the audit log are for admins.
 */
export const adminSections: readonly AdminSection[] = [
  { path: '/admin/users', label: 'admin.users.title', intro: 'admin.users.intro', minRole: 'admin' },
  { path: '/admin/teams', label: 'teams.title', intro: 'teams.intro', minRole: 'admin' },
  { path: '/admin/tokens', label: 'admin.tokens.title', intro: 'admin.tokens.intro', minRole: 'admin' },
  {
    path: '/admin/integrations',
    label: 'admin.integrations.title',
    intro: 'admin.integrations.intro',
    minRole: 'admin',
  },
  { path: '/admin/runners', label: 'runners.title', intro: 'runners.intro', minRole: 'admin' },
  { path: '/admin/secrets', label: 'secrets.title', intro: 'secrets.intro', minRole: 'admin' },
  { path: '/admin/sql-connections', label: 'sqlConnections.title', intro: 'sqlConnections.intro', minRole: 'admin' },
  { path: '/admin/escalation-policies', label: 'escalation.title', intro: 'escalation.intro', minRole: 'admin' },
  { path: '/admin/notification-channels', label: 'channels.title', intro: 'channels.intro', minRole: 'admin' },
  { path: '/probes', label: 'probes.title', intro: 'probes.intro', minRole: 'admin' },
  {
    path: '/admin/notification-templates',
    label: 'policies.templates.title',
    intro: 'policies.templates.intro',
    minRole: 'admin',
  },
  {
    path: '/admin/severity-policies',
    label: 'policies.severity.title',
    intro: 'policies.severity.intro',
    minRole: 'admin',
  },
  { path: '/admin/inhibit-rules', label: 'policies.inhibit.title', intro: 'policies.inhibit.intro', minRole: 'admin' },
  { path: '/admin/silences', label: 'admin.silences.title', intro: 'admin.silences.intro', minRole: 'responder' },
  {
    path: '/admin/maintenance',
    label: 'admin.maintenance.title',
    intro: 'admin.maintenance.intro',
    minRole: 'responder',
  },
  { path: '/admin/schedules', label: 'schedules.title', intro: 'schedules.intro', minRole: 'admin' },
  { path: '/admin/audit', label: 'admin.audit.title', intro: 'admin.audit.intro', minRole: 'admin' },
  { path: '/admin/from-runbooks', label: 'runbooks.adopt.title', intro: 'runbooks.adopt.intro', minRole: 'admin' },
];

/** The sections the signed-in person's role may use. */
export function useAllowedSections(): readonly AdminSection[] {
  const { session } = useSession();
  return adminSections.filter((section) => hasRole(session.user.role, section.minRole));
}

/** The admin area's menu: only the sections the person may use, the current one marked. */
function AdminNav() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const sections = useAllowedSections();
  return (
    <nav className="admin-nav" aria-label={t('admin.nav')}>
      <ul>
        {sections.map((section) => (
          <li key={section.path}>
            <Link
              to={section.path}
              aria-current={pathname.startsWith(section.path) ? 'page' : undefined}
              data-testid={`admin-nav-${section.path.split('/').at(-1) ?? ''}`}
            >
              {t(section.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The frame of every admin page. Someone whose role is below the page's is told so instead of
 * seeing a page whose every request would be refused (the server refuses them anyway: 403).
 */
export function AdminPage({
  minRole,
  title,
  intro,
  children,
}: {
  minRole: Role;
  title: MessageKey;
  intro?: MessageKey;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { session } = useSession();
  if (!hasRole(session.user.role, minRole)) {
    return (
      <section className="admin-page">
        <h1>{t(title)}</h1>
        <p className="error" role="alert" data-testid="admin-forbidden">
          {t('admin.forbidden', { role: session.user.role, needed: t(`admin.role.${minRole}`) })}
        </p>
      </section>
    );
  }
  return (
    <div className="admin-page">
      <AdminNav />
      <section className="admin-content" aria-labelledby="admin-title">
        <h1 id="admin-title">{t(title)}</h1>
        {intro !== undefined && <p className="admin-intro">{t(intro)}</p>}
        {children}
      </section>
    </div>
  );
}
