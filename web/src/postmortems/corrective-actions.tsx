import { useEffect, useState, type FormEvent } from 'react';
import { api, withQuery } from '../api';
import { errorText } from '../format';
import { useI18n } from '../i18n';
import type { Paged } from '../types';
import {
  actionStatuses,
  actionTerms,
  postmortemApiPath,
  type CorrectiveAction,
  type Postmortem,
} from './postmortem-types';

type Person = { id: string; name: string };

/** Active people to own an action (the server refuses deactivated owners anyway). */
function usePeople(): Person[] {
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    api<Paged<Person & { deactivatedAt: string | null }>>('GET', withQuery('/api/v1/users', { limit: 500 }))
      .then((page) => setPeople(page.items.filter((person) => person.deactivatedAt === null)))
      .catch(() => setPeople([]));
  }, []);
  return people;
}

/**
 * The corrective actions of a post-mortem: owner, due date, term and status changed in place (each
 * change saved at once), late ones marked in words, and a form to add one.
 */
export function CorrectiveActions({
  postmortem,
  editable,
  onChanged,
}: {
  postmortem: Postmortem;
  editable: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const people = usePeople();
  const [error, setError] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const base = `${postmortemApiPath(postmortem.incidentId)}/actions`;
  const send = async (method: 'POST' | 'PATCH', path: string, body: Record<string, unknown>) => {
    setError(null);
    try {
      await api<CorrectiveAction>(method, path, body);
      onChanged();
      return true;
    } catch (failure) {
      setError(errorText(failure, t));
      return false;
    }
  };
  const update = (action: CorrectiveAction, body: Record<string, unknown>) =>
    void send('PATCH', `${base}/${action.id}`, body);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (await send('POST', base, { title })) setTitle('');
  };
  return (
    <section className="pm-actions" aria-labelledby="pm-actions-title">
      <h2 id="pm-actions-title">{t('postmortems.actions')}</h2>
      {postmortem.actions.length === 0 ? (
        <p className="empty">{t('postmortems.noActions')}</p>
      ) : (
        <table className="pm-table" data-testid="corrective-actions">
          <thead>
            <tr>
              <th scope="col">{t('postmortems.actionTitle')}</th>
              <th scope="col">{t('postmortems.owner')}</th>
              <th scope="col">{t('postmortems.due')}</th>
              <th scope="col">{t('postmortems.term')}</th>
              <th scope="col">{t('postmortems.actionStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {postmortem.actions.map((action) => (
              <tr key={action.id} data-testid="corrective-action" data-overdue={String(action.overdue)}>
                <th scope="row">{action.title}</th>
                <td>
                  <select
                    aria-label={t('postmortems.owner')}
                    disabled={!editable}
                    value={action.owner?.userId ?? ''}
                    onChange={(event) =>
                      update(action, { ownerId: event.target.value === '' ? null : event.target.value })
                    }
                    data-testid="action-owner"
                  >
                    <option value="">{t('postmortems.noOwner')}</option>
                    {action.owner !== null && !people.some((person) => person.id === action.owner?.userId) && (
                      <option value={action.owner.userId}>{action.owner.name}</option>
                    )}
                    {people.map((person) => (
                      <option key={person.id} value={person.id}>
                        {person.name}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="date"
                    aria-label={t('postmortems.due')}
                    disabled={!editable}
                    value={action.dueDate ?? ''}
                    onChange={(event) =>
                      update(action, { dueDate: event.target.value === '' ? null : event.target.value })
                    }
                    data-testid="action-due"
                  />
                  {action.overdue && (
                    <>
                      {' '}
                      <span className="overdue" data-testid="action-overdue">
                        {t('postmortems.overdue')}
                      </span>
                    </>
                  )}
                </td>
                <td>
                  <select
                    aria-label={t('postmortems.term')}
                    disabled={!editable}
                    value={action.term ?? ''}
                    onChange={(event) =>
                      update(action, { term: event.target.value === '' ? null : event.target.value })
                    }
                  >
                    <option value="">{t('postmortems.noTerm')}</option>
                    {actionTerms.map((term) => (
                      <option key={term} value={term}>
                        {t(`postmortems.term.${term}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={t('postmortems.actionStatus')}
                    disabled={!editable}
                    value={action.status}
                    onChange={(event) => update(action, { status: event.target.value })}
                    data-testid="action-status"
                  >
                    {actionStatuses.map((status) => (
                      <option key={status} value={status}>
                        {t(`postmortems.actionStatus.${status}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable && (
        <form className="form-row" onSubmit={(event) => void add(event)}>
          <label className="grow">
            {t('postmortems.actionTitle')}
            <input
              value={title}
              onChange={(event) => setTitle(event.target.value)}
              required
              maxLength={500}
              data-testid="action-new-title"
            />
          </label>
          <button type="submit" data-testid="action-add">
            {t('postmortems.addAction')}
          </button>
        </form>
      )}
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
