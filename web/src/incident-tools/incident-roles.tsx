import { useEffect, useState } from 'react';
import './incident-tools.css';
import { api } from '../api';
import { errorText } from '../format';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { useAction } from '../use-action';
import { incidentRoles, type Incident, type IncidentRole, type Paged } from '../types';

interface UserChoice {
  id: string;
  name: string;
  role: string;
}

/**
 * Who holds each incident role (commander, communications, operations, scribe). Responders can
 * hand a role to anyone who may respond, or take it themselves in one click; the change is in the
 * timeline like every other.
 */
export function IncidentRoles({
  incident,
  responder,
  onChanged,
}: {
  incident: Incident;
  responder: boolean;
  onChanged: (incident: Incident) => void;
}) {
  const { t } = useI18n();
  const { session } = useSession();
  const [users, setUsers] = useState<UserChoice[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  useEffect(() => {
    if (!responder) return;
    api<Paged<UserChoice>>('GET', '/api/v1/users?role=responder&role=admin&limit=500').then(
      (page) => setUsers(page.items),
      (failure: unknown) => setLoadError(errorText(failure, t)),
    );
  }, [responder, t]);

  const assign = (role: IncidentRole, userId: string | null) =>
    run(async () =>
      onChanged(
        await api<Incident>('PUT', `/api/v1/incidents/${encodeURIComponent(incident.id)}/roles/${role}`, { userId }),
      ),
    );

  return (
    <section className="incident-roles" aria-labelledby="roles-heading" data-testid="incident-roles">
      <h2 id="roles-heading">{t('tools.roles')}</h2>
      <dl>
        {incidentRoles.map((role) => {
          const holder = incident.roles[role];
          return (
            <div key={role} className="role-row">
              <dt>{t(`tools.role.${role}`)}</dt>
              <dd data-testid={`role-${role}`}>
                {responder ? (
                  <select
                    aria-label={t(`tools.role.${role}`)}
                    value={holder?.userId ?? ''}
                    disabled={busy}
                    onChange={(event) => void assign(role, event.target.value === '' ? null : event.target.value)}
                    data-testid={`role-select-${role}`}
                  >
                    <option value="">{t('common.none')}</option>
                    {/* The holder stays listed even when the list does not have them (a viewer made commander). */}
                    {holder !== undefined && !users.some((user) => user.id === holder.userId) && (
                      <option value={holder.userId}>{holder.name}</option>
                    )}
                    {users.map((user) => (
                      <option key={user.id} value={user.id}>
                        {user.name}
                      </option>
                    ))}
                  </select>
                ) : (
                  (holder?.name ?? t('common.none'))
                )}
                {responder && holder?.userId !== session.user.id && (
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    onClick={() => void assign(role, session.user.id)}
                    data-testid={`role-take-${role}`}
                  >
                    {t('tools.takeRole')}
                  </button>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      {(error ?? loadError) !== null && (
        <p className="error" role="alert">
          {error ?? loadError}
        </p>
      )}
    </section>
  );
}
