import { useI18n } from '../i18n';
import type { SeverityPolicy } from './policies-types';

/** "45 min", "4 h", "1 d 6 h": targets range from minutes to weeks, and minutes alone are hard to compare. */
export function minutesText(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days > 0 ? `${days} d` : '', hours > 0 ? `${hours} h` : '', rest > 0 ? `${rest} min` : ''];
  return parts.filter((part) => part !== '').join(' ');
}

// A square root scale: a P4's week would otherwise shrink a P1's hour to a sliver.
const share = (minutes: number, longest: number) => `${Math.max(3, Math.sqrt(minutes / longest) * 100)}%`;

/**
 * The four severities' resolution targets and update cadences as bars, so that an inversion (a
 * P2 promised faster than a P1) shows at a glance. Each bar also says its value in words: the
 * bars are drawing, the words are what screen readers and the colour-blind read.
 */
export function SeverityBars({ policies }: { policies: readonly SeverityPolicy[] }) {
  const { t } = useI18n();
  const values = policies.flatMap((policy) => [policy.resolutionTargetMinutes ?? 0, policy.statusUpdateMinutes ?? 0]);
  const longest = Math.max(1, ...values);
  return (
    <figure className="severity-bars" data-testid="severity-bars">
      <figcaption>{t('policies.severity.chart')}</figcaption>
      <dl>
        {policies.map((policy) => (
          <div key={policy.severity} className="severity-bar-row">
            <dt>
              <span className={`severity severity-${policy.severity.toLowerCase()}`}>{policy.severity}</span>
            </dt>
            <dd>
              <Bar kind="target" minutes={policy.resolutionTargetMinutes} longest={longest} />
              <span>
                {policy.resolutionTargetMinutes === null
                  ? t('policies.severity.none')
                  : t('policies.severity.barTarget', { time: minutesText(policy.resolutionTargetMinutes) })}
              </span>
            </dd>
            <dd>
              <Bar kind="cadence" minutes={policy.statusUpdateMinutes} longest={longest} />
              <span>
                {policy.statusUpdateMinutes === null
                  ? t('policies.severity.none')
                  : t('policies.severity.barCadence', { time: minutesText(policy.statusUpdateMinutes) })}
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}

function Bar({ kind, minutes, longest }: { kind: 'target' | 'cadence'; minutes: number | null; longest: number }) {
  return (
    <span className="severity-bar-track" aria-hidden="true">
      {minutes !== null && <span className={`severity-bar ${kind}`} style={{ width: share(minutes, longest) }} />}
    </span>
  );
}
