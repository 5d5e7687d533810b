import { useEffect } from 'react';
import { api, withQuery } from '../api';
import { SeverityBadge, StatusLabel } from '../badges';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { incidentPath, Link } from '../router';
import type { Incident, Paged } from '../types';
import { pageRefreshMs, useResource } from '../use-resource';
import { Moment } from './service-format';

const recentResolved = 10;

/** A service's open incidents (all of them, most severe first) and its last resolved ones. */
async function loadIncidents(serviceId: string): Promise<{ open: Incident[]; resolved: Incident[] }> {
  const [open, resolved] = await Promise.all([
    api<Paged<Incident>>('GET', withQuery('/api/v1/incidents', { service: serviceId, open: true, limit: 500 })),
    api<Paged<Incident>>(
      'GET',
      withQuery('/api/v1/incidents', { service: serviceId, status: ['resolved'], limit: recentResolved }),
    ),
  ]);
  const bySeverity = [...open.items].sort((a, b) => a.severity.localeCompare(b.severity));
  return { open: bySeverity, resolved: resolved.items };
}

function IncidentRows({ incidents, resolved }: { incidents: readonly Incident[]; resolved: boolean }) {
  const { t } = useI18n();
  return (
    <table className="services-table">
      <thead>
        <tr>
          <th scope="col">{t('services.colIncident')}</th>
          <th scope="col">{t('services.colSeverity')}</th>
          <th scope="col">{t('services.colStatus')}</th>
          <th scope="col">{resolved ? t('services.colResolved') : t('services.colDetected')}</th>
        </tr>
      </thead>
      <tbody>
        {incidents.map((incident) => (
          <tr
            key={incident.id}
            data-testid={resolved ? 'service-resolved-incident' : 'service-open-incident'}
            data-incident-id={incident.id}
          >
            <th scope="row">
              <Link to={incidentPath(incident.id)}>
                <span className="service-id">{incident.id}</span> {incident.title}
              </Link>
            </th>
            <td>
              <SeverityBadge severity={incident.severity} />
            </td>
            <td>
              <StatusLabel status={incident.status} />
            </td>
            <td>
              <Moment iso={resolved ? (incident.resolvedAt ?? incident.updatedAt) : incident.detectedAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The incidents sections of a service's page: what is open on it now, then what was lately. */
export function ServiceIncidents({ serviceId, changes }: { serviceId: string; changes: number }) {
  const { t } = useI18n();
  const loaded = useResource(
    { key: serviceId, load: () => loadIncidents(serviceId) },
    { changes, refreshMs: pageRefreshMs },
  );
  const ready = loaded.data !== null;
  useEffect(() => {
    // The services list links here with #open-incidents: once they are on screen, go to them
    // (focus too, so that a keyboard or screen-reader user lands there as well).
    if (ready && window.location.hash === '#open-incidents') document.getElementById('open-incidents')?.focus();
  }, [ready]);
  return (
    <>
      <section aria-labelledby="open-incidents" className="service-section">
        <h2 id="open-incidents" tabIndex={-1}>
          {t('services.openTitle')}
        </h2>
        <LoadError error={loaded.error} onRetry={loaded.reload} />
        {loaded.data === null ? (
          loaded.error === null && <p>{t('app.loading')}</p>
        ) : loaded.data.open.length === 0 ? (
          <p className="empty" data-testid="service-open-empty">
            {t('services.openEmpty')}
          </p>
        ) : (
          <IncidentRows incidents={loaded.data.open} resolved={false} />
        )}
      </section>
      <section aria-labelledby="resolved-incidents" className="service-section">
        <h2 id="resolved-incidents">{t('services.resolvedTitle')}</h2>
        {loaded.data !== null &&
          (loaded.data.resolved.length === 0 ? (
            <p className="empty">{t('services.resolvedEmpty')}</p>
          ) : (
            <IncidentRows incidents={loaded.data.resolved} resolved />
          ))}
      </section>
    </>
  );
}
