import { api, withQuery } from '../api';
import { AdminPage } from '../admin/admin-layout';
import { hasRole } from '../console-route';
import { formatAge, useNow } from '../format';
import { useI18n, type MessageKey } from '../i18n';
import { LoadError } from '../load-error';
import { Link } from '../router';
import { useSession } from '../session';
import type { Paged } from '../types';
import { pageRefreshMs, useResource } from '../use-resource';
import { probeApiPath, probePath, targetSummary } from './probe-paths';
import type { Probe, ProbeResult } from './probes-types';
import { ResultStrip } from './result-strip';
import './probes.css';

/** The words of a probe's state (the service page's, shared). */
export const probeStatusKeys: Record<Probe['status'], MessageKey> = {
  unknown: 'services.probe.unknown',
  up: 'services.probe.up',
  pending: 'services.probe.pending',
  down: 'services.probe.down',
  flapping: 'services.probe.flapping',
};

interface Row {
  probe: Probe;
  results: ProbeResult[];
}

async function loadProbes(): Promise<{ rows: Row[]; services: Map<string, string> }> {
  const [probes, services] = await Promise.all([
    api<Paged<Probe>>('GET', withQuery('/api/v1/probes', { limit: 1000 })),
    api<Paged<{ id: string; name: string }>>('GET', withQuery('/api/v1/services', { limit: 1000 })),
  ]);
  const rows = await Promise.all(
    probes.items.map(async (probe) => ({
      probe,
      results: await api<ProbeResult[]>('GET', withQuery(probeApiPath(probe.id, '/results'), { limit: 40 })),
    })),
  );
  return { rows, services: new Map(services.items.map((service) => [service.id, service.name])) };
}

/**
 * `/probes`: every probe with what it checks, its service, its state, its last check and a strip
 * of its recent checks. Cards, not a table: they fit a phone. Admins get "New probe".
 */
export function ProbesPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const now = useNow();
  const loaded = useResource({ key: 'probes', load: loadProbes }, { refreshMs: pageRefreshMs });
  return (
    <AdminPage minRole="viewer" title="probes.title" intro="probes.intro">
      {hasRole(session.user.role, 'admin') && (
        <p>
          <Link to="/probes/new" className="action-link" data-testid="probe-new">
            {t('probes.new')}
          </Link>
        </p>
      )}
      <LoadError error={loaded.error} onRetry={loaded.reload} />
      {loaded.data === null ? (
        loaded.error === null && <p>{t('app.loading')}</p>
      ) : loaded.data.rows.length === 0 ? (
        <p className="empty">{t('probes.empty')}</p>
      ) : (
        <ul className="probe-cards" data-testid="probe-cards">
          {loaded.data.rows.map(({ probe, results }) => (
            <li key={probe.id} className="probe-card" data-testid="probe-card" data-probe-status={probe.status}>
              <h2>
                <Link to={probePath(probe.id)}>{probe.name}</Link>
              </h2>
              <p className="probe-target">
                <span className="probe-kind">{probe.kind}</span> {targetSummary(probe.target)}
                {probe.serviceId !== null && <> · {loaded.data?.services.get(probe.serviceId) ?? probe.serviceId}</>}
              </p>
              <p>
                <span className={`probe-status probe-${probe.status}`}>{t(probeStatusKeys[probe.status])}</span>
                {!probe.enabled && <span className="muted"> ({t('probes.paused')})</span>}
                {' · '}
                {probe.lastCheckedAt === null || probe.lastResult === null
                  ? t('probes.never')
                  : t('probes.lastResult', {
                      ago: formatAge(probe.lastCheckedAt, now, t),
                      latency: probe.lastResult.latencyMs,
                    })}
              </p>
              <ResultStrip results={results} max={40} />
            </li>
          ))}
        </ul>
      )}
    </AdminPage>
  );
}
