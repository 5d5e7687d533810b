import { AdminPage } from '../admin/admin-layout';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useSession } from '../session';
import { ProfileView } from './profile-view';

/** `/profile`: the signed-in person's own, whatever their role. */
export function MyProfilePage() {
  const { t } = useI18n();
  const { session } = useSession();
  return (
    <section className="profile-page" aria-labelledby="profile-title">
      <h1 id="profile-title">{t('profile.title')}</h1>
      <p>{t('profile.intro')}</p>
      <ProfileView userId={session.user.id} self />
    </section>
  );
}

/** `/admin/users/<id>`: an admin looking at (and setting up) someone's profile; their own is `/profile`. */
export function UserProfilePage({ id }: { id: string }) {
  const { t } = useI18n();
  const { session } = useSession();
  return (
    <AdminPage minRole="admin" title="admin.users.title">
      <p>
        <Link to="/admin/users">← {t('profile.back')}</Link>
      </p>
      <ProfileView userId={id} self={id === session.user.id} />
    </AdminPage>
  );
}
