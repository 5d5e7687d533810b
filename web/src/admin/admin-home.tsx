import { useI18n } from '../i18n';
import { Link } from '../router';
import { useSession } from '../session';
import { AdminPage, useAllowedSections } from './admin-layout';

/**
 * `/admin`: what each section is for, so that the first visit (or the one at 3 a.m.) does not
 * need the README. Responders see the two sections they may use.
 */
export function AdminHome() {
  const { t } = useI18n();
  const { session } = useSession();
  const sections = useAllowedSections();
  return (
    <AdminPage
      minRole="responder"
      title="admin.home.title"
      intro={session.user.role === 'admin' ? 'admin.home.intro' : 'admin.home.introResponder'}
    >
      <ul className="admin-cards" data-testid="admin-home">
        {sections.map((section) => (
          <li key={section.path} className="admin-card">
            <h2>
              <Link to={section.path}>{t(section.label)}</Link>
            </h2>
            <p>{t(section.intro)}</p>
          </li>
        ))}
      </ul>
    </AdminPage>
  );
}
