import { useI18n, type MessageKey } from '../i18n';
import { incidentPath, Link } from '../router';
import type { HealthReason, ServiceHealth } from './services-types';
import './services.css';

const healthKeys: Record<ServiceHealth, MessageKey> = {
  operational: 'services.health.operational',
  degraded: 'services.health.degraded',
  down: 'services.health.down',
};

const statusKeys: Record<string, MessageKey> = {
  triggered: 'status.triggered',
  acknowledged: 'status.acknowledged',
  mitigated: 'status.mitigated',
  resolved: 'status.resolved',
  down: 'services.probe.down',
  flapping: 'services.probe.flapping',
  pending: 'services.probe.pending',
};

/** A service's health as a word and a shape (✓, !, ✕), never by colour alone. */
export function HealthBadge({ health, large = false }: { health: ServiceHealth; large?: boolean }) {
  const { t } = useI18n();
  const mark = health === 'operational' ? '✓' : health === 'degraded' ? '!' : '✕';
  return (
    <span
      className={`health health-${health}${large ? ' health-large' : ''}`}
      data-testid="service-health"
      data-health={health}
    >
      <span aria-hidden="true" className="health-mark">
        {mark}
      </span>{' '}
      {t(healthKeys[health])}
    </span>
  );
}

/** One reason in words: which incident or probe, and its state; incidents link to their page. */
export function ReasonText({ reason }: { reason: HealthReason }) {
  const { t } = useI18n();
  const statusKey = statusKeys[reason.status];
  const status = statusKey === undefined ? reason.status : t(statusKey).toLowerCase();
  if (reason.kind === 'probe') return <>{t('services.reason.probe', { title: reason.title, status })}</>;
  return (
    <Link to={incidentPath(reason.id)}>
      {t('services.reason.incident', { severity: reason.severity, id: reason.id, status, title: reason.title })}
    </Link>
  );
}

/** Why a service is not operational: every reason, worst first; "all clear" when there is none. */
export function HealthReasons({ reasons, limit }: { reasons: readonly HealthReason[]; limit?: number }) {
  const { t } = useI18n();
  if (reasons.length === 0)
    return (
      <p className="health-clear" data-testid="health-reasons">
        {t('services.healthAllClear')}
      </p>
    );
  const shown = limit === undefined ? reasons : reasons.slice(0, limit);
  return (
    <ul className="health-reasons" data-testid="health-reasons">
      {shown.map((reason) => (
        <li
          key={`${reason.kind}:${reason.id}`}
          data-testid="health-reason"
          data-kind={reason.kind}
          data-health={reason.health}
        >
          <ReasonText reason={reason} />
        </li>
      ))}
      {shown.length < reasons.length && <li>…</li>}
    </ul>
  );
}
