import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useAction } from '../use-action';
import type { Team, User } from './teams-types';

/**
 * A team's members, each with a Remove button, and a select of the active people not in it yet
 * with an Add button (saved on the button, not on select: arrowing through names adds nobody).
 */
export function TeamMembers({ team, users, onChanged }: { team: Team; users: readonly User[]; onChanged: () => void }) {
  const { t } = useI18n();
  const action = useAction();
  const [chosen, setChosen] = useState('');
  const memberIds = new Set(team.members.map((member) => member.userId));
  const active = new Set(users.map((user) => user.id));
  const candidates = users.filter((user) => !memberIds.has(user.id));
  const path = (userId: string) => `/api/v1/teams/${encodeURIComponent(team.id)}/members/${encodeURIComponent(userId)}`;
  const headingId = `team-${team.id}-members`;

  const change = async (method: 'PUT' | 'DELETE', userId: string) => {
    if (await action.run(() => api<Team>(method, path(userId)).then(() => undefined))) {
      setChosen('');
      onChanged();
    }
  };
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (chosen !== '') void change('PUT', chosen);
  };

  return (
    <div className="team-members">
      <h3 id={headingId}>{t('teams.members', { count: team.members.length })}</h3>
      {team.members.length === 0 ? (
        <p className="muted" data-testid="team-no-members">
          {t('teams.noMembers')}
        </p>
      ) : (
        <ul aria-labelledby={headingId} className="team-member-list">
          {team.members.map((member) => (
            <li key={member.userId} data-testid="team-member">
              <span aria-hidden="true" className="initials">
                {member.name.slice(0, 1).toUpperCase()}
              </span>
              <span className="grow">
                {member.name} {!active.has(member.userId) && <span className="muted">{t('teams.deactivated')}</span>}
              </span>
              <button
                type="button"
                className="secondary"
                disabled={action.busy}
                aria-label={t('teams.removeLabel', { name: member.name, team: team.name })}
                onClick={() => void change('DELETE', member.userId)}
                data-testid="team-member-remove"
              >
                {t('teams.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {candidates.length === 0 ? (
        <p className="hint">{t('teams.everyoneIn')}</p>
      ) : (
        <form className="role-form" onSubmit={add}>
          <label className="visually-hidden" htmlFor={`team-${team.id}-add`}>
            {t('teams.addMember', { team: team.name })}
          </label>
          <select
            id={`team-${team.id}-add`}
            value={chosen}
            onChange={(event) => setChosen(event.target.value)}
            data-testid="team-member-choice"
          >
            <option value="">{t('teams.choosePerson')}</option>
            {candidates.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name} ({user.username})
              </option>
            ))}
          </select>
          <button type="submit" disabled={action.busy || chosen === ''} data-testid="team-member-add">
            {t('teams.addSubmit')}
          </button>
        </form>
      )}
      {action.error !== null && (
        <p className="error" role="alert">
          {action.error}
        </p>
      )}
    </div>
  );
}
