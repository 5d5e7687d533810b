import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, withQuery } from '../api';
import { errorText } from '../format';
import { useI18n } from '../i18n';
import { navigate, useLocation } from '../router';
import { browserZone, lastDays, ReportPeriodForm, type ReportQuery } from './report-period-form';
import {
  AlertNoiseSection,
  ComplianceSection,
  HealthTrendsSection,
  PerWeekSection,
  ResponseTimesSection,
  RunbooksSection,
} from './report-sections';
import type { ReportSet } from './reports-types';
import './reports.css';

function loadReports(query: ReportQuery): Promise<ReportSet> {
  const period = { from: query.from, to: query.to, timeZone: query.timeZone };
  const get = <T,>(name: string, extra: Record<string, string> = {}) =>
    api<T>('GET', withQuery(`/api/v1/reports/${name}`, { ...period, ...extra }));
  return Promise.all([
    get<ReportSet['responseTimes']>('response-times', { groupBy: query.groupBy }),
    get<ReportSet['perWeek']>('incidents-per-week'),
    get<ReportSet['compliance']>('target-compliance', { groupBy: query.groupBy }),
    get<ReportSet['noise']>('alert-noise'),
    get<ReportSet['runbooks']>('runbook-usage'),
    api<ReportSet['trends']>('GET', withQuery('/api/v1/reports/health-trends', { days: 7, timeZone: query.timeZone })),
  ]).then(([responseTimes, perWeek, compliance, noise, runbooks, trends]) => ({
    responseTimes,
    perWeek,
    compliance,
    noise,
    runbooks,
    trends,
  }));
}

/** The query in the URL (shareable, kept on reload), else the last 30 days in the browser's zone. */
function queryOf(search: URLSearchParams): ReportQuery {
  const timeZone = search.get('timeZone') ?? browserZone();
  const fallback = lastDays(30, timeZone);
  const groupBy = search.get('groupBy');
  return {
    from: search.get('from') ?? fallback.from,
    to: search.get('to') ?? fallback.to,
    timeZone,
    groupBy: groupBy === 'service' || groupBy === 'team' ? groupBy : 'severity',
  };
}

/** `/reports`: the reports of a period as charts, each with its figures as a table. */
export function ReportsPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const { from, to, timeZone, groupBy } = queryOf(search);
  // The same object for as long as the period, zone and grouping stay: a new one loads again.
  const query = useMemo<ReportQuery>(() => ({ from, to, timeZone, groupBy }), [from, to, timeZone, groupBy]);
  const key = `${from}|${to}|${timeZone}|${groupBy}`;
  const [data, setData] = useState<ReportSet | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const load = useCallback(() => {
    const mine = ++generation.current;
    setError(null);
    loadReports(query).then(
      (value) => {
        if (mine === generation.current) setData(value);
      },
      (failure: unknown) => {
        if (mine === generation.current) setError(errorText(failure, t));
      },
    );
  }, [query, t]);
  useEffect(load, [load]);

  const apply = (next: ReportQuery) => navigate(withQuery('/reports', { ...next }));
  return (
    <section className="reports-page">
      <h1>{t('reports.title')}</h1>
      <p className="muted">{t('reports.intro')}</p>
      <ReportPeriodForm key={key} query={query} onApply={apply} />
      {error !== null && (
        <div className="error" role="alert" data-testid="reports-error">
          {error}{' '}
          <button type="button" onClick={load}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {data === null ? (
        error === null && <p>{t('app.loading')}</p>
      ) : (
        <>
          <p className="muted" data-testid="reports-period">
            {t('reports.periodShown', {
              from: data.perWeek.period.from,
              to: data.perWeek.period.to,
              zone: data.perWeek.period.timeZone,
            })}
          </p>
          <PerWeekSection report={data.perWeek} />
          <ResponseTimesSection report={data.responseTimes} />
          <ComplianceSection report={data.compliance} />
          <AlertNoiseSection report={data.noise} />
          <RunbooksSection report={data.runbooks} />
          <HealthTrendsSection report={data.trends} />
        </>
      )}
    </section>
  );
}
