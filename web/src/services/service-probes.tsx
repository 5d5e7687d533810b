import { api, withQuery } from '../api';
import { hasRole } from '../console-route';
import { useI18n, type MessageKey } from '../i18n';
import { LoadError } from '../load-error';
import { Link } from '../router';
import { useSession } from '../session';
import type { Paged } from '../types';
import { pageRefreshMs, useResource } from '../use-resource';
import type { Probe, UptimeWindow } from './services-types';
import { Moment } from './service-format';

const windows = ['24h', '7d', '30d'] as const;

const statusKeys: Record<Probe['status'], MessageKey> = {
  unknown: 'services.probe.unknown',
  up: 'services.probe.up',
  pending: 'services.probe.pending',
  down: 'services.probe.down',
  flapping: 'services.probe.flapping',
};

/** A service's probes, each with its uptime windows. */
async function loadProbes(serviceId: string): Promise<{ probe: Probe; uptime: UptimeWindow[] }[]> {
  const probes = await api<Paged<Probe>>('GET', withQuery('/api/v1/probes', { serviceId, limit: 1000 }));
  return Promise.all(
    probes.items.map(async (probe) => ({
      probe,
      uptime: await api<UptimeWindow[]>('GET', `/api/v1/probes/${encodeURIComponent(probe.id)}/uptime`),
    })),
  );
}

/** The probes section of a service's page: each probe's status, last check and uptime. */
export function ServiceProbes({ serviceId }: { serviceId: string }) {
  const { t } = useI18n();
  const { session } = useSession();
  const loaded = useResource({ key: serviceId, load: () => loadProbes(serviceId) }, { refreshMs: pageRefreshMs });
  return (
    <section aria-labelledby="service-probes" className="service-section">
      <h2 id="service-probes">{t('services.probesTitle')}</h2>
      {hasRole(session.user.role, 'admin') && (
        <Link to={`/probes/new?service=${encodeURIComponent(serviceId)}`} data-testid="service-probe-add">
          {t('probes.serviceAdd')}
        </Link>
      )}
      <LoadError error={loaded.error} onRetry={loaded.reload} />
      {loaded.data === null ? (
        loaded.error === null && <p>{t('app.loading')}</p>
      ) : loaded.data.length === 0 ? (
        <p className="empty">{t('services.probesEmpty')}</p>
      ) : (
        <table className="services-table">
          <thead>
            <tr>
              <th scope="col">{t('services.colProbe')}</th>
              <th scope="col">{t('services.colProbeStatus')}</th>
              <th scope="col">{t('services.colLastCheck')}</th>
              {windows.map((window) => (
                <th key={window} scope="col">
                  {t('services.colUptime', { window })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {loaded.data.map(({ probe, uptime }) => (
              <tr key={probe.id} data-testid="service-probe" data-probe-status={probe.status}>
                <th scope="row">
                  <Link to={`/probes/${encodeURIComponent(probe.id)}`}>{probe.name}</Link>{' '}
                  <span className="service-id">{probe.kind}</span>
                </th>
                <td>
                  <span className={`probe-status probe-${probe.status}`}>{t(statusKeys[probe.status])}</span>
                  {!probe.enabled && <span className="muted"> ({t('services.disabled')})</span>}
                  {probe.lastResult?.detail !== undefined &&
                    probe.lastResult.detail !== null &&
                    !probe.lastResult.success && <div className="probe-detail">{probe.lastResult.detail}</div>}
                </td>
                <td>{probe.lastCheckedAt === null ? t('services.never') : <Moment iso={probe.lastCheckedAt} />}</td>
                {windows.map((window) => {
                  const figure = uptime.find((item) => item.window === window)?.uptimePercent ?? null;
                  return (
                    <td key={window} className="number">
                      {figure === null ? t('services.noData') : `${figure} %`}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
