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
import { formatMinutes, ZoneNote } from './service-format';
import { ServiceIncidents } from './service-incidents';
import { ServiceOnCall } from './service-on-call';
import { ServiceProbes } from './service-probes';
import type { ServiceSummary } from './services-types';
import './services.css';

/**
 * `/services/:id`: the service's health and why first (what someone paged at night opens it
 * for), its open and recent incidents, who is on call and the escalation, its probes, its facts.
 */
export function ServicePage({ id }: { id: string }) {
  const { t } = useI18n();
  const { session } = useSession();
  // Moves when an incident on this service changes (declared, acknowledged, resolved…): its
  // health and incidents are read again at once, not at the next minute's refresh.
  const { changes, noteChange } = useChangeCounter();
  const stream = useIncidentStream({
    onIncident: (incident) => {
      if (incident.services.includes(id)) noteChange();
    },
    onOpen: noteChange,
  });
  const loaded = useResource<ServiceSummary>(`/api/v1/services/${encodeURIComponent(id)}/summary`, {
    changes,
    refreshMs: pageRefreshMs,
  });
  const service = loaded.data;
  if (service === null) {
    if (loaded.error !== null) {
      return (
        <section className="service-page">
          <Link to="/services">{t('services.back')}</Link>
          <LoadError error={loaded.error} onRetry={loaded.reload} />
        </section>
      );
    }
    return <p>{t('app.loading')}</p>;
  }
  return (
    <section className="service-page" data-testid="service-page" data-service-id={service.id}>
      <div className="page-title">
        <Link to="/services">{t('services.back')}</Link>
        <StreamIndicator state={stream} />
      </div>
      <LoadError error={loaded.error} onRetry={loaded.reload} />
      <header className="service-header">
        <h1>
          {service.name} <span className="service-id">{service.id}</span>
        </h1>
        {hasRole(session.user.role, 'admin') && (
          <Link
            className="action-link"
            to={`/services/${encodeURIComponent(service.id)}/edit`}
            aria-label={t('services.edit.actionLabel', { name: service.name })}
            data-testid="service-edit"
          >
            {t('services.edit.action')}
          </Link>
        )}
        <HealthBadge health={service.health} large />
        {service.description !== '' && <p>{service.description}</p>}
        <div className="health-why">
          <h2 className="visually-hidden">{t('services.healthWhy')}</h2>
          <HealthReasons reasons={service.reasons} />
        </div>
        <dl className="service-facts" aria-label={t('services.facts')}>
          <div>
            <dt>{t('services.rto')}</dt>
            <dd data-testid="service-rto">{formatMinutes(service.rtoMinutes, t)}</dd>
          </div>
          <div>
            <dt>{t('services.rpo')}</dt>
            <dd data-testid="service-rpo">{formatMinutes(service.rpoMinutes, t)}</dd>
          </div>
          <div>
            <dt>{t('services.team')}</dt>
            <dd data-testid="service-team">{service.ownerTeamName ?? service.ownerTeamId ?? t('services.noTeam')}</dd>
          </div>
          {service.tags.length > 0 && (
            <div>
              <dt>{t('services.tags')}</dt>
              <dd>{service.tags.join(', ')}</dd>
            </div>
          )}
        </dl>
      </header>
      <ServiceIncidents serviceId={service.id} changes={changes} />
      <ServiceOnCall service={service} />
      <ServiceProbes serviceId={service.id} />
      <p className="muted services-rule">{t('services.rule')}</p>
      <ZoneNote />
    </section>
  );
}
