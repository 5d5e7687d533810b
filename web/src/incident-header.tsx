import { OverdueMark, SeverityBadge, StatusLabel } from './badges';
import { formatAge, formatTime } from './format';
import { useI18n } from './i18n';
import { isOverdue, type Incident } from './types';

/** What the incident is and where it stands, readable from across the room (its summary follows the buttons). */
export function IncidentHeader({ incident, now }: { incident: Incident; now: number }) {
  const { language, t } = useI18n();
  const resolved = incident.resolvedAt !== null;
  const age = formatAge(incident.detectedAt, resolved ? Date.parse(incident.resolvedAt ?? '') : now, t);
  return (
    <header className="incident-header">
      <div className="incident-heading">
        <SeverityBadge severity={incident.severity} large />
        <div>
          <p className="incident-id" data-testid="incident-id">
            {incident.id}
          </p>
          <h1 data-testid="incident-title">{incident.title}</h1>
        </div>
      </div>
      <dl className="incident-facts">
        <div>
          <dt className="visually-hidden">{t('list.colStatus')}</dt>
          <dd className="fact-status">
            <StatusLabel status={incident.status} testId="incident-status" />
            {isOverdue(incident, now) && (
              <>
                {' '}
                <OverdueMark />
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('incident.commander')}</dt>
          <dd data-testid="incident-commander">{incident.commander?.name ?? t('incident.noCommander')}</dd>
        </div>
        <div>
          <dt className="visually-hidden">{t('list.colAge')}</dt>
          <dd data-testid="incident-age">{t(resolved ? 'incident.resolvedAfter' : 'incident.openFor', { age })}</dd>
        </div>
        <div>
          <dt>{t('incident.services')}</dt>
          <dd>{incident.services.length === 0 ? t('common.none') : incident.services.join(', ')}</dd>
        </div>
        {incident.resolutionDueAt !== null && !resolved && (
          <div>
            <dt className="visually-hidden">{t('incident.due', { time: '' })}</dt>
            <dd>{t('incident.due', { time: formatTime(incident.resolutionDueAt, language, now) })}</dd>
          </div>
        )}
      </dl>
    </header>
  );
}
