import { AdminPage } from '../admin/admin-layout';
import { api } from '../api';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import type { Paged } from '../types';
import { useResource } from '../use-resource';
import { TeamCard } from './team-card';
import { TeamCreateForm } from './team-create-form';
import type { Service, Team, User } from './teams-types';
import './teams.css';

/** Teams with their members, the active people one may add, and the services (to show what each team owns). */
async function loadTeams() {
  const [teams, users, services] = await Promise.all([
    api<Paged<Team>>('GET', '/api/v1/teams?limit=500'),
    api<Paged<User>>('GET', '/api/v1/users?limit=500'),
    api<Paged<Service>>('GET', '/api/v1/services?limit=1000'),
  ]);
  return { teams, users: users.items, services: services.items };
}

/** `/admin/teams`: every team as a card — what it owns, who is in it — and creating one. */
export function TeamsPage() {
  const { t } = useI18n();
  const loaded = useResource({ key: 'teams', load: loadTeams });
  const reload = () => void loaded.reload();
  return (
    <AdminPage minRole="admin" title="teams.title" intro="teams.intro">
      <TeamCreateForm onCreated={reload} />
      <LoadError error={loaded.error} onRetry={loaded.reload} />
      {loaded.data === null ? (
        loaded.error === null && <p>{t('app.loading')}</p>
      ) : loaded.data.teams.items.length === 0 ? (
        <p className="empty" data-testid="teams-empty">
          {t('teams.empty')}
        </p>
      ) : (
        <>
          <p className="count">{t('teams.count', { total: loaded.data.teams.total })}</p>
          <ul className="team-cards" data-testid="team-cards">
            {loaded.data.teams.items.map((team) => (
              <TeamCard
                // The name in the key: a rename resets the card's state (its form closes on the new name).
                key={`${team.id}:${team.name}`}
                team={team}
                users={loaded.data?.users ?? []}
                owned={loaded.data?.services.filter((service) => service.ownerTeamId === team.id) ?? []}
                onChanged={reload}
              />
            ))}
          </ul>
        </>
      )}
    </AdminPage>
  );
}
