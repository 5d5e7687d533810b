import { api, withQuery } from '../api';
import { AdminPage } from '../admin/admin-layout';
import { ConfirmButton } from '../admin/confirm-button';
import { hasRole } from '../console-route';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { Link, navigate } from '../router';
import { Moment } from '../services/service-format';
import { useSession } from '../session';
import { useResource } from '../use-resource';
import { probeApiPath, probePath, targetSummary } from './probe-paths';
import { probeStatusKeys } from './probes-page';
import type { Probe, ProbeResult, UptimeWindow } from './probes-types';
import { ResultStrip } from './result-strip';
import { UptimeBars } from './uptime-bars';
import './probes.css';

async function loadProbe(id: string) {
  const [probe, results, uptime] = await Promise.all([
    api<Probe>('GET', probeApiPath(id)),
    api<ProbeResult[]>('GET', withQuery(probeApiPath(id, '/results'), { limit: 120 })),
    api<UptimeWindow[]>('GET', probeApiPath(id, '/uptime')),
  ]);
  return { probe, results, uptime };
}

/**
 * `/probes/:id`: one probe — what it checks and how, where it stands, its recent checks as a
 * strip and its uptime as bars; admins edit or delete it (after a question) from here.
 */
export function ProbePage({ id }: { id: string }) {
  const { t } = useI18n();
  const { session } = useSession();
  const loaded = useResource({ key: id, load: () => loadProbe(id) }, { refreshMs: 15_000 });
  const admin = hasRole(session.user.role, 'admin');
  const data = loaded.data;
  return (
    <AdminPage minRole="viewer" title="probes.title">
      <p>
        <Link to="/probes">{t('probes.back')}</Link>
      </p>
      <LoadError error={loaded.error} onRetry={loaded.reload} />
      {data === null ? (
        loaded.error === null && <p>{t('app.loading')}</p>
      ) : (
        <article className="probe-detail" data-testid="probe-page" data-probe-status={data.probe.status}>
          <h2 data-testid="probe-title">{data.probe.name}</h2>
          <p>
            <span className={`probe-status probe-${data.probe.status}`}>{t(probeStatusKeys[data.probe.status])}</span>
            {!data.probe.enabled && <span className="muted"> ({t('probes.paused')})</span>}
            {data.probe.lastCheckedAt !== null && (
              <>
                {' · '}
                <Moment iso={data.probe.lastCheckedAt} />
              </>
            )}
          </p>
          {data.probe.lastResult?.detail !== undefined && data.probe.lastResult.detail !== null && (
            <p className="probe-last-detail">{data.probe.lastResult.detail}</p>
          )}
          <dl className="probe-facts">
            <div>
              <dt>{t('probes.facts.target')}</dt>
              <dd>
                <span className="probe-kind">{data.probe.kind}</span> {targetSummary(data.probe.target)}
              </dd>
            </div>
            <div>
              <dt>{t('probes.conditions')}</dt>
              <dd>
                {data.probe.conditions.map((condition) => (
                  <code key={condition}>{condition}</code>
                ))}
              </dd>
            </div>
            <div>
              <dt>{t('probes.facts.every')}</dt>
              <dd>{t('probes.facts.seconds', { seconds: data.probe.intervalSeconds })}</dd>
            </div>
            <div>
              <dt>{t('probes.severity')}</dt>
              <dd>{data.probe.severity}</dd>
            </div>
          </dl>
          <section aria-labelledby="probe-results">
            <h3 id="probe-results">{t('probes.results')}</h3>
            <ResultStrip results={data.results} max={120} />
          </section>
          <section aria-labelledby="probe-uptime">
            <h3 id="probe-uptime">{t('probes.uptime')}</h3>
            <UptimeBars windows={data.uptime} />
          </section>
          {admin && (
            <div className="row-actions">
              <Link className="action-link" to={probePath(id, '/edit')} data-testid="probe-edit">
                {t('probes.edit')}
              </Link>
              <ConfirmButton
                label={t('probes.delete')}
                question={t('probes.deleteQuestion', { name: data.probe.name })}
                confirmLabel={t('probes.deleteConfirm')}
                testId="probe-delete"
                onConfirm={async () => {
                  await api('DELETE', probeApiPath(id));
                  navigate('/probes');
                }}
              />
            </div>
          )}
        </article>
      )}
    </AdminPage>
  );
}
