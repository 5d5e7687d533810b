import { api } from '../api';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { pageRefreshMs, useResource } from '../use-resource';
import { EscalationPolicyView } from './escalation-policy-view';
import { loadNameDirectory } from './name-directory';
import { ScheduleTable } from './schedule-table';
import { ServiceLinks } from './service-links';
import type { EscalationPolicy, ScheduleOnCall, ServiceSummary } from './services-types';
import { ZoneNote } from './service-format';
import './services.css';

async function loadOnCallPage() {
  const [schedules, policies, services, directory] = await Promise.all([
    api<ScheduleOnCall[]>('GET', '/api/v1/on-call'),
    api<EscalationPolicy[]>('GET', '/api/v1/escalation-policies'),
    api<ServiceSummary[]>('GET', '/api/v1/service-summaries'),
    loadNameDirectory(),
  ]);
  return {
    schedules,
    policies,
    services,
    directory,
    bySchedule: new Map(schedules.map((schedule) => [schedule.scheduleId, schedule])),
  };
}

/**
 * `/on-call`: who is on call now for every schedule and until when, the next handoffs, and every
 * escalation policy with its levels and the services that use it.
 */
export function OnCallPage() {
  const { t } = useI18n();
  const loaded = useResource({ key: 'on-call', load: loadOnCallPage }, { refreshMs: pageRefreshMs });
  const data = loaded.data;
  return (
    <section className="on-call-page">
      <h1>{t('services.oncall.title')}</h1>
      <p className="muted">{t('services.oncall.intro')}</p>
      <LoadError error={loaded.error} onRetry={loaded.reload} />
      {data === null ? (
        loaded.error === null && <p>{t('app.loading')}</p>
      ) : (
        <>
          <ZoneNote />
          <section aria-labelledby="on-call-schedules" className="service-section">
            <h2 id="on-call-schedules">{t('services.oncall.schedules')}</h2>
            {data.schedules.length === 0 ? (
              <p className="empty">{t('services.oncall.schedulesEmpty')}</p>
            ) : (
              <ScheduleTable schedules={data.schedules} />
            )}
          </section>
          <section aria-labelledby="on-call-policies" className="service-section">
            <h2 id="on-call-policies">{t('services.oncall.policies')}</h2>
            {data.policies.length === 0 && <p className="empty">{t('services.oncall.policiesEmpty')}</p>}
            {data.policies.map((policy) => {
              const users = data.services.filter((service) => service.escalationPolicyId === policy.id);
              return (
                <div key={policy.id} className="policy-block">
                  <EscalationPolicyView
                    policy={policy}
                    directory={data.directory}
                    onCall={data.bySchedule}
                    headingLevel={3}
                  />
                  <p data-testid="policy-services">
                    {users.length === 0 ? (
                      t('services.oncall.unused')
                    ) : (
                      <>
                        {t('services.oncall.usedBy')} <ServiceLinks services={users} />
                      </>
                    )}
                  </p>
                </div>
              );
            })}
          </section>
        </>
      )}
    </section>
  );
}
