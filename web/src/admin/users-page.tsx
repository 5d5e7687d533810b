import { withQuery } from '../api';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import type { Paged } from '../types';
import { LoadError } from '../load-error';
import { useResource } from '../use-resource';
import { AdminPage } from './admin-layout';
import type { User } from './admin-types';
import { UserCreateForm } from './user-create-form';
import { UserRow } from './user-row';

// Deactivated people stay listed: their names are in timelines and audit rows, and an admin
// checking who still has access needs to see that they do not.
const usersPath = withQuery('/api/v1/users', { includeDeactivated: true, limit: 500 });

/** `/admin/users`: everyone who can sign in or hold a token, and adding one. */
export function UsersPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const users = useResource<Paged<User>>(usersPath);

  return (
    <AdminPage minRole="admin" title="admin.users.title" intro="admin.users.intro">
      <UserCreateForm onCreated={() => void users.reload()} />
      <LoadError error={users.error} onRetry={users.reload} />
      {users.data === null ? (
        users.error === null && <p>{t('app.loading')}</p>
      ) : (
        <table className="admin-table" data-testid="users-table">
          <caption className="count">{t('admin.users.count', { total: users.data.total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.users.name')}</th>
              <th scope="col">{t('admin.users.username')}</th>
              <th scope="col">{t('admin.users.email')}</th>
              <th scope="col">{t('admin.users.role')}</th>
              <th scope="col">{t('admin.users.active')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((user) => (
              // The key holds the role too: a saved role change resets the row's select to the server's value.
              <UserRow
                key={`${user.id}:${user.role}:${user.deactivatedAt ?? ''}`}
                user={user}
                self={user.id === session.user.id}
                onChanged={() => void users.reload()}
              />
            ))}
          </tbody>
        </table>
      )}
    </AdminPage>
  );
}
