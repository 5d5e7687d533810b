import { useState } from 'react';
import { ConfirmButton } from '../admin/confirm-button';
import { api, ApiError } from '../api';
import { useI18n, type Translate } from '../i18n';
import { ServiceLinks } from '../services/service-links';
import { TeamMembers } from './team-members';
import { TeamRenameForm } from './team-rename-form';
import type { Service, Team, User } from './teams-types';

const referenceKinds = ['services', 'schedules', 'escalationPolicies'] as const;

/** Deletes the team; a refusal (409) says in the reader's language what still names it. */
async function deleteTeam(team: Team, t: Translate): Promise<void> {
  try {
    await api<void>('DELETE', `/api/v1/teams/${encodeURIComponent(team.id)}`);
  } catch (failure) {
    if (!(failure instanceof ApiError) || failure.status !== 409) throw failure;
    const named = referenceKinds.flatMap((kind) => {
      const ids = failure.details[kind];
      return Array.isArray(ids) ? ids.map(String) : [];
    });
    throw new Error(`${t('teams.deleteBlocked')} (${named.join(', ')})`, { cause: failure });
  }
}

/**
 * One team: what it owns (services, linked), its members and adding one, renaming it, and
 * deleting it (asked first; refused while something still names it).
 */
export function TeamCard({
  team,
  users,
  owned,
  onChanged,
}: {
  team: Team;
  users: readonly User[];
  owned: readonly Service[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [renaming, setRenaming] = useState(false);
  const headingId = `team-${team.id}`;
  return (
    <li className="team-card" data-testid="team-card" data-team-id={team.id} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {team.name} <code className="team-id">{team.id}</code>
      </h2>
      {team.description !== '' && <p>{team.description}</p>}
      <p data-testid="team-owns">
        {owned.length === 0 ? (
          <span className="muted">{t('teams.ownsNothing')}</span>
        ) : (
          <>
            <span className="muted">{t('teams.owns')} </span>
            <ServiceLinks services={owned} />
          </>
        )}
      </p>
      <TeamMembers team={team} users={users} onChanged={onChanged} />
      {renaming ? (
        <TeamRenameForm
          team={team}
          onDone={(changed) => {
            setRenaming(false);
            if (changed) onChanged();
          }}
        />
      ) : (
        <div className="row-actions">
          <button
            type="button"
            className="secondary"
            aria-label={t('teams.renameLabel', { team: team.name })}
            onClick={() => setRenaming(true)}
            data-testid="team-rename"
          >
            {t('teams.rename')}
          </button>
          <ConfirmButton
            label={t('teams.delete')}
            question={t('teams.deleteQuestion', { team: team.name })}
            confirmLabel={t('teams.deleteConfirm')}
            onConfirm={async () => {
              await deleteTeam(team, t);
              onChanged();
            }}
            testId="team-delete"
          />
        </div>
      )}
    </li>
  );
}
