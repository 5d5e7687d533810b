import type { Translate } from '../i18n';
import { useI18n } from '../i18n';
import { BarChart } from './bar-chart';
import type {
  AlertNoiseReport,
  DurationStats,
  HealthTrendsReport,
  IncidentsPerWeekReport,
  ResponseTimesReport,
  RunbookUsageReport,
  TargetComplianceReport,
} from './reports-types';

const severities = ['P1', 'P2', 'P3', 'P4'] as const;
const minutes = (seconds: number | null): number | null => (seconds === null ? null : Math.round(seconds / 6) / 10);
const share = (value: number | null): string => (value === null ? '—' : `${Math.round(value * 1000) / 10}%`);
const count = (value: number): string => String(value);

/** A duration as people read it in an incident review. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')}`;
  if (whole < 86_400)
    return `${Math.floor(whole / 3600)} h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')}`;
  return `${Math.floor(whole / 86_400)} d ${Math.floor((whole % 86_400) / 3600)} h`;
}

const stats = (value: DurationStats): string =>
  `${formatDuration(value.meanSeconds)} / ${formatDuration(value.p50Seconds)} / ${formatDuration(value.p90Seconds)}`;
/** A severity shows as itself (P1), a service or team by its name; the null group as "(none)". */
const groupLabel = (group: { key: string | null; name: string | null }, groupBy: string, t: Translate): string =>
  group.key === null ? t('reports.none') : groupBy === 'severity' ? group.key : (group.name ?? group.key);

/** Incidents per week, stacked by severity. */
export function PerWeekSection({ report }: { report: IncidentsPerWeekReport }) {
  const { t } = useI18n();
  return (
    <section className="report-section" aria-labelledby="report-per-week">
      <h2 id="report-per-week">{t('reports.perWeek')}</h2>
      <BarChart
        testId="chart-per-week"
        title={t('reports.perWeekChart')}
        stacked
        format={count}
        categories={report.weeks.map((week) => `${week.date.slice(5)}${week.partial ? '*' : ''}`)}
        series={severities.map((severity) => ({
          key: severity,
          label: severity,
          tone: `tone-${severity.toLowerCase()}`,
        }))}
        values={report.weeks.map((week) => severities.map((severity) => week.bySeverity[severity]))}
      />
      <p className="muted" data-testid="per-week-total">
        {t('reports.perWeekTotal', { total: report.total })}
      </p>
    </section>
  );
}

/** MTTA and MTTR charts (mean, median, p90) and the table with their counts. */
export function ResponseTimesSection({ report }: { report: ResponseTimesReport }) {
  const { t } = useI18n();
  const categories = report.groups.map((group) => groupLabel(group, report.groupBy, t));
  const series = [
    { key: 'mean', label: t('reports.mean'), tone: 'tone-mean' },
    { key: 'p50', label: t('reports.p50'), tone: 'tone-p50' },
    { key: 'p90', label: t('reports.p90'), tone: 'tone-p90' },
  ];
  const values = (pick: 'mtta' | 'mttr') =>
    report.groups.map((group) => [
      minutes(group[pick].meanSeconds),
      minutes(group[pick].p50Seconds),
      minutes(group[pick].p90Seconds),
    ]);
  return (
    <section className="report-section" aria-labelledby="report-response-times">
      <h2 id="report-response-times">{t('reports.responseTimes')}</h2>
      <div className="chart-row">
        <BarChart
          testId="chart-mtta"
          title={t('reports.mttaChart')}
          categories={categories}
          series={series}
          values={values('mtta')}
          format={(value) => `${value}`}
        />
        <BarChart
          testId="chart-mttr"
          title={t('reports.mttrChart')}
          categories={categories}
          series={series}
          values={values('mttr')}
          format={(value) => `${value}`}
        />
      </div>
      <table className="report-table" data-testid="response-times-table">
        <thead>
          <tr>
            <th scope="col">{t('reports.colGroup')}</th>
            <th scope="col">{t('reports.colIncidents')}</th>
            <th scope="col">{t('reports.colAcked')}</th>
            <th scope="col">{t('reports.colMtta')}</th>
            <th scope="col">{t('reports.colResolved')}</th>
            <th scope="col">{t('reports.colMttr')}</th>
          </tr>
        </thead>
        <tbody>
          {[
            ...report.groups.map((group) => ({ label: groupLabel(group, report.groupBy, t), ...group })),
            { label: t('reports.all'), ...report.overall },
          ].map((row) => (
            <tr key={row.label} data-testid="response-times-row">
              <th scope="row">{row.label}</th>
              <td>{row.incidents}</td>
              <td>{row.mtta.count}</td>
              <td>{stats(row.mtta)}</td>
              <td>{row.mttr.count}</td>
              <td>{stats(row.mttr)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The share resolved within target per group, as bars and as counts. */
export function ComplianceSection({ report }: { report: TargetComplianceReport }) {
  const { t } = useI18n();
  const rows = [
    ...report.groups.map((group) => ({ label: groupLabel(group, report.groupBy, t), ...group })),
    { label: t('reports.all'), ...report.overall },
  ];
  return (
    <section className="report-section" aria-labelledby="report-compliance">
      <h2 id="report-compliance">{t('reports.compliance')}</h2>
      <BarChart
        testId="chart-compliance"
        title={t('reports.complianceChart')}
        format={(value) => `${value}%`}
        categories={rows.map((row) => row.label)}
        series={[{ key: 'share', label: t('reports.colShare'), tone: 'tone-good' }]}
        values={rows.map((row) => [
          row.withinTargetRatio === null ? null : Math.round(row.withinTargetRatio * 1000) / 10,
        ])}
      />
      <table className="report-table" data-testid="compliance-table">
        <thead>
          <tr>
            <th scope="col">{t('reports.colGroup')}</th>
            <th scope="col">{t('reports.colIncidents')}</th>
            <th scope="col">{t('reports.colWithin')}</th>
            <th scope="col">{t('reports.colMissed')}</th>
            <th scope="col">{t('reports.colPending')}</th>
            <th scope="col">{t('reports.colNoTarget')}</th>
            <th scope="col">{t('reports.colShare')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.incidents}</td>
              <td>{row.withinTarget}</td>
              <td>{row.missedTarget}</td>
              <td>{row.pending}</td>
              <td>{row.withoutTarget}</td>
              <td>{share(row.withinTargetRatio)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Alert volume per week (with or without action) and the noisiest alerts. */
export function AlertNoiseSection({ report }: { report: AlertNoiseReport }) {
  const { t } = useI18n();
  const v = report.volume;
  return (
    <section className="report-section" aria-labelledby="report-noise">
      <h2 id="report-noise">{t('reports.noise')}</h2>
      <p data-testid="noise-summary">
        {t('reports.noiseSummary', {
          alerts: v.alerts,
          events: v.events,
          muted: v.suppressed,
          without: v.withoutAction,
          share: share(v.withoutActionRatio),
        })}
      </p>
      <BarChart
        testId="chart-noise"
        title={t('reports.noiseChart')}
        stacked
        format={count}
        categories={report.weeks.map((week) => `${week.date.slice(5)}${week.partial ? '*' : ''}`)}
        series={[
          { key: 'action', label: t('reports.ledToAction'), tone: 'tone-good' },
          { key: 'none', label: t('reports.noAction'), tone: 'tone-p1' },
        ]}
        values={report.weeks.map((week) => [week.alerts - week.withoutAction, week.withoutAction])}
      />
      <p className="muted">{t('reports.noiseRule')}</p>
      {report.noisiest.length === 0 ? (
        <p className="empty">{t('reports.noAlerts')}</p>
      ) : (
        <table className="report-table" data-testid="noisiest-table">
          <thead>
            <tr>
              <th scope="col">{t('reports.colAlert')}</th>
              <th scope="col">{t('reports.colAlerts')}</th>
              <th scope="col">{t('reports.colEvents')}</th>
              <th scope="col">{t('reports.colNoAction')}</th>
            </tr>
          </thead>
          <tbody>
            {report.noisiest.map((row) => (
              <tr key={`${row.name}|${row.fingerprint ?? ''}`} data-testid="noisiest-row">
                <th scope="row">{row.name}</th>
                <td>{row.alerts}</td>
                <td>{row.events}</td>
                <td>
                  {row.withoutAction} ({share(row.withoutActionRatio)})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Runbooks by use with their success rate. */
export function RunbooksSection({ report }: { report: RunbookUsageReport }) {
  const { t } = useI18n();
  return (
    <section className="report-section" aria-labelledby="report-runbooks">
      <h2 id="report-runbooks">{t('reports.runbooks')}</h2>
      {report.runbooks.length === 0 ? (
        <p className="empty">{t('reports.noRuns')}</p>
      ) : (
        <table className="report-table" data-testid="runbooks-table">
          <thead>
            <tr>
              <th scope="col">{t('reports.colRunbook')}</th>
              <th scope="col">{t('reports.colRuns')}</th>
              <th scope="col">{t('reports.colVerified')}</th>
              <th scope="col">{t('reports.colFailed')}</th>
              <th scope="col">{t('reports.colSuccess')}</th>
              <th scope="col">{t('reports.colStepsFailed')}</th>
            </tr>
          </thead>
          <tbody>
            {report.runbooks.map((row) => (
              <tr key={row.runbookId}>
                <th scope="row">{row.title}</th>
                <td>{row.runs}</td>
                <td>{row.verified}</td>
                <td>{row.failed}</td>
                <td>{share(row.successRate)}</td>
                <td>
                  {row.stepsFailed} / {row.stepExecutions}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The last seven days: incidents per day, and per service its uptime and incidents. */
export function HealthTrendsSection({ report }: { report: HealthTrendsReport }) {
  const { t } = useI18n();
  return (
    <section className="report-section" aria-labelledby="report-trends">
      <h2 id="report-trends">{t('reports.trends')}</h2>
      <BarChart
        testId="chart-trends"
        title={t('reports.trendsChart')}
        format={count}
        categories={report.days.map((day) => day.date.slice(5))}
        series={[{ key: 'incidents', label: t('reports.incidents'), tone: 'tone-p2' }]}
        values={report.overall.map((day) => [day.incidents])}
      />
      {report.services.length === 0 ? (
        <p className="empty">{t('reports.noServices')}</p>
      ) : (
        <table className="report-table" data-testid="trends-table">
          <caption>{t('reports.uptimeCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.colService')}</th>
              {report.days.map((day) => (
                <th key={day.date} scope="col">
                  {day.date.slice(5)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.services.map((service) => (
              <tr key={service.serviceId} data-testid="trends-row">
                <th scope="row">{service.name}</th>
                {service.days.map((day) => (
                  <td
                    key={day.date}
                    className={day.uptimePercent !== null && day.uptimePercent < 99 ? 'uptime-low' : undefined}
                  >
                    {day.uptimePercent === null ? '—' : `${day.uptimePercent}%`}
                    {day.incidents > 0 ? ` · ${day.incidents}` : ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
