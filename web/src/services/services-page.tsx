import { StreamIndicator } from '../badges';
import { hasRole } from '../console-route';
import { LoadError } from '../load-error';
import { useChangeCounter } from '../use-change-counter';
import { useIncidentStream } from '../use-incident-stream';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useSession } from '../session';
import { pageRefreshMs, useResource } from '../use-resource';
import { HealthBadge, HealthReasons } from './health-badge';
import { OnCallPeople } from './on-call-people';
import { formatObjectives, ZoneNote } from './service-format';
import type { ServiceSummary } from './services-types';
import './services.css';

/** The console path of a service's page. */
export function servicePath(id: string): string {
  return `/services/${encodeURIComponent(id)}`;
}

/**
 * `/services`: every service with its health and why, its open incidents, RTO/RPO, owning team
 * and who is on call for it now. Services in trouble come first: that is what one opens it for.
 */
export function ServicesPage() {
  const { t } = useI18n();
  const { session } = useSession();
  // Any incident change may move a service's health: read the summaries again at once.
  const { changes, noteChange } = useChangeCounter();
  const stream = useIncidentStream({ onIncident: noteChange, onOpen: noteChange });
  const loaded = useResource<ServiceSummary[]>('/api/v1/service-summaries', { changes, refreshMs: pageRefreshMs });
  const rank = { down: 0, degraded: 1, operational: 2 } as const;
  const services = [...(loaded.data ?? [])].sort((a, b) => rank[a.health] - rank[b.health]);
  return (
    <section className="services-page">
      <div className="page-title">
        <h1>{t('services.title')}</h1>
        <StreamIndicator state={stream} />
      </div>
      <p className="muted">{t('services.intro')}</p>
      {hasRole(session.user.role, 'admin') && (
        <p>
          <Link className="action-link" to="/services/new" data-testid="service-new">
            {t('services.edit.new')}
          </Link>
        </p>
      )}
      <LoadError error={loaded.error} onRetry={loaded.reload} />
      {loaded.data === null ? (
        loaded.error === null && <p>{t('app.loading')}</p>
      ) : services.length === 0 ? (
        <p className="empty" data-testid="services-empty">
          {t('services.empty')}
        </p>
      ) : (
        <>
          <table className="services-table" data-testid="services-table">
            <caption className="visually-hidden">{t('services.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('services.colService')}</th>
                <th scope="col">{t('services.colHealth')}</th>
                <th scope="col">{t('services.colOpen')}</th>
                <th scope="col">{t('services.colObjectives')}</th>
                <th scope="col">{t('services.colTeam')}</th>
                <th scope="col">{t('services.colOnCall')}</th>
              </tr>
            </thead>
            <tbody>
              {services.map((service) => (
                <tr key={service.id} data-testid="service-row" data-service-id={service.id}>
                  <th scope="row" className="service-name">
                    <Link to={servicePath(service.id)}>{service.name}</Link>
                    <span className="service-id">{service.id}</span>
                  </th>
                  <td>
                    <HealthBadge health={service.health} />
                    <HealthReasons reasons={service.reasons} limit={3} />
                  </td>
                  <td data-testid="service-open-count">
                    {service.openIncidents === 0 ? (
                      <span className="muted">{t('services.noneOpen')}</span>
                    ) : (
                      <Link to={`${servicePath(service.id)}#open-incidents`}>
                        {t('services.openCount', { count: service.openIncidents })}
                      </Link>
                    )}
                  </td>
                  <td data-testid="service-objectives">
                    {formatObjectives(service.rtoMinutes, service.rpoMinutes, t)}
                  </td>
                  <td>
                    {service.ownerTeamId === null ? (
                      <span className="muted">{t('services.noTeam')}</span>
                    ) : (
                      (service.ownerTeamName ?? service.ownerTeamId)
                    )}
                  </td>
                  <td data-testid="service-on-call">
                    <OnCallPeople people={service.onCall} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted services-rule">{t('services.rule')}</p>
          <ZoneNote />
        </>
      )}
    </section>
  );
}
