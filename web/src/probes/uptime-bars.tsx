import { useI18n } from '../i18n';
import type { UptimeWindow } from './probes-types';

/** A probe's uptime over 24 h, 7, 30 and 90 days: one bar per window, filled to its percentage. */
export function UptimeBars({ windows }: { windows: readonly UptimeWindow[] }) {
  const { t } = useI18n();
  return (
    <ul className="uptime-bars" data-testid="probe-uptime">
      {windows.map((window) => {
        const percent = window.uptimePercent;
        return (
          <li key={window.window} data-window={window.window} data-percent={percent ?? ''}>
            <span className="uptime-label">
              {t('probes.uptimeWindow', {
                window: window.window,
                percent: percent === null ? t('probes.uptimeNone') : `${percent} %`,
              })}
            </span>
            <span className="uptime-track" aria-hidden="true">
              <span className="uptime-fill" style={{ width: `${percent ?? 0}%` }} />
            </span>
            {window.averageLatencyMs !== null && (
              <span className="hint">
                {t('probes.uptimeLatency', { average: window.averageLatencyMs, max: window.maxLatencyMs ?? '?' })}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
