import { useI18n } from '../i18n';
import { levelStarts, targetText } from './name-directory';
import type { EscalationPolicy, NameDirectory, ScheduleOnCall } from './services-types';

/**
 * An escalation policy's levels as a table: when each pages (minutes from the incident opening,
 * if nobody acknowledges before) and whom, with the person a schedule has on call right now.
 */
export function EscalationPolicyView({
  policy,
  directory,
  onCall,
  headingLevel = 2,
}: {
  policy: EscalationPolicy;
  directory: NameDirectory;
  onCall: ReadonlyMap<string, ScheduleOnCall>;
  headingLevel?: 2 | 3;
}) {
  const { t } = useI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const starts = levelStarts(policy.levels.map((level) => level.delayMinutes));
  const headingId = `policy-${policy.id}`;
  return (
    <div className="escalation-policy" data-testid="escalation-policy" data-policy-id={policy.id}>
      <Heading id={headingId}>{t('services.policyTitle', { name: policy.name })}</Heading>
      <table className="services-table levels" aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">{t('services.colLevel')}</th>
            <th scope="col">{t('services.colWhen')}</th>
            <th scope="col">{t('services.colPages')}</th>
          </tr>
        </thead>
        <tbody>
          {policy.levels.map((level, index) => {
            const at = starts[index] ?? 0;
            return (
              <tr key={index} data-testid="escalation-level" data-level={index + 1}>
                <th scope="row">{t('services.level', { n: index + 1 })}</th>
                <td data-testid="escalation-level-at">
                  {at === 0 ? t('services.levelAtStart') : t('services.levelAt', { m: at })}
                </td>
                <td>
                  <ul className="level-targets">
                    {level.targets.map((target) => {
                      const now = target.type === 'schedule' ? onCall.get(target.id)?.onCall : undefined;
                      return (
                        <li key={`${target.type}:${target.id}`} data-testid="escalation-target">
                          {targetText(target, directory, t)}
                          {target.type === 'schedule' && (
                            <span className="muted">
                              {' '}
                              (
                              {now === null || now === undefined
                                ? t('services.oncall.gap')
                                : t('services.scheduleNow', { name: now.name })}
                              )
                            </span>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted">
        {policy.repeat > 0 ? t('services.repeat', { count: policy.repeat }) : t('services.noRepeat')}
      </p>
    </div>
  );
}
