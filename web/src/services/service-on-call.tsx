import { api } from '../api';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { pageRefreshMs, useResource } from '../use-resource';
import { EscalationPolicyView } from './escalation-policy-view';
import { loadNameDirectory, loadOnCallBySchedule } from './name-directory';
import { OnCallPeople } from './on-call-people';
import type { EscalationPolicy, ServiceSummary } from './services-types';
import { Moment } from './service-format';

/** What the on-call section needs besides the summary: names, every schedule's now and next, the policy. */
async function loadOnCall(policyId: string | null) {
  const [directory, onCall, policy] = await Promise.all([
    loadNameDirectory(),
    loadOnCallBySchedule(),
    policyId === null
      ? Promise.resolve(null)
      : api<EscalationPolicy>('GET', `/api/v1/escalation-policies/${encodeURIComponent(policyId)}`),
  ]);
  return { directory, onCall, policy };
}

/**
 * Who answers for a service: who is on call now, who takes over next on each schedule they
 * come through, and the escalation policy's levels (who is paged when, if nobody acknowledges).
 */
export function ServiceOnCall({ service }: { service: ServiceSummary }) {
  const { t } = useI18n();
  const loaded = useResource(
    { key: `${service.id}:${service.escalationPolicyId ?? ''}`, load: () => loadOnCall(service.escalationPolicyId) },
    { refreshMs: pageRefreshMs },
  );
  const viaSchedules = [
    ...new Set(service.onCall.filter((person) => person.via.type === 'schedule').map((person) => person.via.id)),
  ];
  return (
    <>
      <section aria-labelledby="service-on-call" className="service-section">
        <h2 id="service-on-call">{t('services.onCallTitle')}</h2>
        {service.escalationPolicyId === null && service.onCall.length > 0 && (
          <p className="muted">{t('services.onCallNoPolicy')}</p>
        )}
        <dl className="on-call-facts">
          <dt>{t('services.onCallNow')}</dt>
          <dd data-testid="service-on-call-now">
            {service.onCall.length === 0 ? (
              <p className="warning" role="status">
                {t('services.nobodyOnCall')}
              </p>
            ) : (
              <OnCallPeople people={service.onCall} />
            )}
          </dd>
          {viaSchedules.length > 0 && (
            <>
              <dt>{t('services.onCallNext')}</dt>
              <dd data-testid="service-on-call-next">
                <ul className="on-call-people">
                  {viaSchedules.map((scheduleId) => {
                    const next = loaded.data?.onCall.get(scheduleId)?.next[0];
                    const scheduleName = loaded.data?.directory.schedules.get(scheduleId) ?? scheduleId;
                    return (
                      <li key={scheduleId}>
                        {next === undefined ? (
                          <>
                            {scheduleName}: {t('services.oncall.noNext')}
                          </>
                        ) : (
                          <>
                            <strong>{next.name ?? t('services.oncall.gap')}</strong>{' '}
                            <span className="muted">{t('services.via', { name: scheduleName })}</span> ·{' '}
                            <Moment iso={next.start} /> →{' '}
                            {next.end === null ? t('services.untilFurther') : <Moment iso={next.end} />}
                          </>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </dd>
            </>
          )}
        </dl>
      </section>
      <section aria-labelledby="service-policy" className="service-section">
        <h2 id="service-policy" className={service.escalationPolicyId === null ? undefined : 'visually-hidden'}>
          {t('services.oncall.policies')}
        </h2>
        <LoadError error={loaded.error} onRetry={loaded.reload} />
        {service.escalationPolicyId === null ? (
          <p className="warning" data-testid="service-no-policy">
            {t('services.noPolicy')}
          </p>
        ) : loaded.data?.policy === null || loaded.data?.policy === undefined ? (
          loaded.error === null && <p>{t('app.loading')}</p>
        ) : (
          <EscalationPolicyView
            policy={loaded.data.policy}
            directory={loaded.data.directory}
            onCall={loaded.data.onCall}
            headingLevel={3}
          />
        )}
      </section>
    </>
  );
}
