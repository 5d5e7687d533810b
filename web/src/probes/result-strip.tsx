import { useI18n } from '../i18n';
import type { ProbeResult } from './probes-types';

/**
 * A probe's recent checks as a strip of bars, oldest on the left: green passed, red failed, and
 * the taller the bar the slower the check. People look at a strip faster than they read a table;
 * screen readers get the count in words.
 */
export function ResultStrip({ results, max = 60 }: { results: readonly ProbeResult[]; max?: number }) {
  const { t } = useI18n();
  // The API answers newest first.
  const shown = results.slice(0, max).reverse();
  const failures = shown.filter((result) => !result.success).length;
  if (shown.length === 0)
    return (
      <span className="muted" data-testid="probe-strip" data-checks={0}>
        {t('probes.stripEmpty')}
      </span>
    );
  const slowest = Math.max(1, ...shown.map((result) => result.latencyMs));
  const width = 6;
  return (
    <svg
      className="probe-strip"
      viewBox={`0 0 ${max * width} 24`}
      preserveAspectRatio="xMinYMid meet"
      role="img"
      aria-label={t('probes.strip', { checks: shown.length, failures })}
      data-testid="probe-strip"
      data-checks={shown.length}
      data-failures={failures}
    >
      {shown.map((result, index) => {
        // Failed checks stand full height whatever their latency: they are what one looks for.
        const height = result.success ? 6 + Math.round((18 * result.latencyMs) / slowest) : 24;
        return (
          <rect
            key={result.scheduledAt}
            className={result.success ? 'strip-pass' : 'strip-fail'}
            x={index * width}
            y={24 - height}
            width={width - 1}
            height={height}
          >
            <title>{`${result.startedAt} ${result.success ? '✓' : '✗'} ${result.latencyMs} ms${result.detail === null ? '' : ` ${result.detail}`}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}
