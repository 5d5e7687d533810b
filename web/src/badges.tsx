import { useI18n } from './i18n';
import type { IncidentStatus, Severity } from './types';
import type { StreamState } from './use-incident-stream';

/**
 * Severity, status, overdue and live marks. Each says its meaning in words as well as colour: at night,
 * on a dimmed screen or for a colour-blind responder, "P1" must read as P1 without the red.
 */

export function SeverityBadge({ severity, large = false }: { severity: Severity; large?: boolean }) {
  const { t } = useI18n();
  return (
    <span
      className={`severity severity-${severity.toLowerCase()}${large ? ' severity-large' : ''}`}
      title={t(`severity.${severity}`)}
      data-testid="incident-severity"
    >
      {severity}
    </span>
  );
}

export function StatusLabel({ status, testId }: { status: IncidentStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <span className={`status status-${status}`} data-testid={testId} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

export function OverdueMark() {
  const { t } = useI18n();
  return (
    <span className="overdue" title={t('list.overdueHint')} data-testid="incident-overdue">
      {t('list.overdue')}
    </span>
  );
}

/**
 * Says whether what is on screen is live. A list that silently stopped updating is worse than no
 * list: whoever watches it must know to reload.
 */
export function StreamIndicator({ state }: { state: StreamState }) {
  const { t } = useI18n();
  const text = state === 'live' ? t('stream.live') : state === 'connecting' ? t('stream.connecting') : t('stream.down');
  return (
    <span className={`stream stream-${state}`} role="status" data-testid="stream-state" data-state={state}>
      <span aria-hidden="true" className="stream-dot" />
      {text}
    </span>
  );
}
