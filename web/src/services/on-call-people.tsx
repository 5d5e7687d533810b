import { useI18n } from '../i18n';
import type { ServiceOnCall } from './services-types';
import { Moment } from './service-format';

/**
 * The people on call for a service now, each with the schedule, team or direct assignment it
 * comes through and, for a schedule, until when. Says plainly when nobody is.
 */
export function OnCallPeople({ people }: { people: readonly ServiceOnCall[] }) {
  const { t } = useI18n();
  if (people.length === 0)
    return (
      <span className="nobody" data-testid="on-call-nobody">
        {t('services.nobody')}
      </span>
    );
  return (
    <ul className="on-call-people">
      {people.map((person) => (
        <li key={person.userId} data-testid="on-call-person" data-user-id={person.userId}>
          <strong>{person.name}</strong>
          {person.via.type !== 'user' && <span className="muted"> {t('services.via', { name: person.via.name })}</span>}
          {person.via.type === 'schedule' && (
            <span className="muted">
              {' · '}
              {person.until === null ? (
                t('services.untilFurther')
              ) : (
                <>
                  {t('services.until')} <Moment iso={person.until} />
                </>
              )}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
