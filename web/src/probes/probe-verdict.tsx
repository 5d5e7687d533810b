import { useI18n } from '../i18n';
import type { ProbeVerdict } from './probes-types';

/** A value observed, short enough for a phone: structured values (a JSON body, INFO) as compact JSON. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/**
 * What one test of a probe saw, before it is saved: passed or failed overall, each condition's
 * verdict with what was observed against what was expected (`[STATUS] (503) == 200`), each
 * series of a Prometheus query, and the values the conditions can read. Announced politely: the
 * person pressed "Test" and waits for it.
 */
export function ProbeVerdictView({ verdict }: { verdict: ProbeVerdict }) {
  const { t } = useI18n();
  const unreached = !verdict.passed && verdict.conditions.length === 0 && verdict.series === undefined;
  const ms = Math.round(verdict.latencyMs);
  return (
    <section className="probe-verdict" aria-labelledby="probe-verdict-title" data-testid="probe-verdict">
      <h3 id="probe-verdict-title">{t('probes.verdictTitle')}</h3>
      <p
        className={verdict.passed ? 'verdict-pass' : 'verdict-fail'}
        data-testid="probe-verdict-summary"
        data-passed={verdict.passed}
      >
        {unreached
          ? t('probes.verdictUnreached', { detail: verdict.detail ?? '' })
          : verdict.passed
            ? t('probes.verdictPassed', { ms })
            : t('probes.verdictFailed', { ms })}
      </p>
      {verdict.conditions.length > 0 && (
        <ul className="verdict-conditions">
          {verdict.conditions.map((one, index) => (
            <li key={index} data-testid="probe-verdict-condition" data-passed={one.passed}>
              <span className={one.passed ? 'verdict-pass' : 'verdict-fail'}>
                {one.passed ? '✓' : '✗'} {one.passed ? t('probes.conditionPassed') : t('probes.conditionFailed')}
              </span>{' '}
              <code>{one.condition}</code>
              <div className="verdict-detail">{one.detail}</div>
            </li>
          ))}
        </ul>
      )}
      {verdict.series !== undefined && (
        <>
          <h4>{t('probes.series')}</h4>
          {verdict.series.length === 0 ? (
            <p>{t('probes.seriesNone')}</p>
          ) : (
            <ul className="verdict-conditions">
              {verdict.series.map((one, index) => (
                <li key={index} data-passed={one.passed}>
                  <span className={one.passed ? 'verdict-pass' : 'verdict-fail'}>{one.passed ? '✓' : '✗'}</span>{' '}
                  <code>{shown(one.labels)}</code>
                  <div className="verdict-detail">{one.detail}</div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <details>
        <summary>{t('probes.observed')}</summary>
        <dl className="verdict-values">
          {Object.entries(verdict.values).map(([name, value]) => (
            <div key={name}>
              <dt>[{name}]</dt>
              <dd>{shown(value)}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}
