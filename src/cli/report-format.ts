import type { AlertNoiseReport } from '../reports/report-alert-noise.js';
import type { HealthTrendsReport } from '../reports/report-health-trends.js';
import type { IncidentsPerWeekReport } from '../reports/report-incidents-per-week.js';
import type { DurationStats } from '../reports/report-model.js';
import type { ResponseTimesReport } from '../reports/report-response-times.js';
import type { RunbookUsageReport } from '../reports/report-runbook-usage.js';
import type { TargetComplianceReport } from '../reports/report-target-compliance.js';
import { formatTable } from './format-table.js';

/** A duration read at a glance: `45 s`, `12 min 05 s`, `3 h 20 min`, `2 d 4 h`; `-` for none. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '-';
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
  if (whole < 86_400)
    return `${Math.floor(whole / 3600)} h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')} min`;
  return `${Math.floor(whole / 86_400)} d ${Math.floor((whole % 86_400) / 3600)} h`;
}

/** A share as a percentage with one decimal, `-` for none. */
export function formatShare(value: number | null): string {
  return value === null ? '-' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}

function periodLine(period: { from: string; to: string; timeZone: string }): string {
  return `From ${period.from} to ${period.to} (${period.timeZone})`;
}

const statsCells = (stats: DurationStats): string[] => [
  String(stats.count),
  formatSeconds(stats.meanSeconds),
  formatSeconds(stats.p50Seconds),
  formatSeconds(stats.p90Seconds),
];

/** MTTA and MTTR per group, then the overall line. */
export function formatResponseTimes(report: ResponseTimesReport): string {
  const rows = report.groups.map((group) => [
    group.key ?? '(none)',
    String(group.incidents),
    ...statsCells(group.mtta),
    ...statsCells(group.mttr),
  ]);
  rows.push([
    'all',
    String(report.overall.incidents),
    ...statsCells(report.overall.mtta),
    ...statsCells(report.overall.mttr),
  ]);
  return [
    periodLine(report.period),
    formatTable(
      [report.groupBy, 'incidents', 'acked', 'mtta mean', 'p50', 'p90', 'resolved', 'mttr mean', 'p50', 'p90'],
      rows,
    ),
  ].join('\n');
}

/** One line per week, severities side by side. */
export function formatIncidentsPerWeek(report: IncidentsPerWeekReport): string {
  const rows = report.weeks.map((week) => [
    `${week.date}${week.partial ? '*' : ''}`,
    String(week.incidents),
    String(week.bySeverity.P1),
    String(week.bySeverity.P2),
    String(week.bySeverity.P3),
    String(week.bySeverity.P4),
    String(week.resolved),
  ]);
  return [
    periodLine(report.period),
    formatTable(['week of', 'incidents', 'P1', 'P2', 'P3', 'P4', 'resolved'], rows),
    `${report.total} incident(s); * week cut by the period`,
  ].join('\n');
}

/** Within / missed / pending per group and overall. */
export function formatTargetCompliance(report: TargetComplianceReport): string {
  const cells = (c: TargetComplianceReport['overall']) => [
    String(c.incidents),
    String(c.withinTarget),
    String(c.missedTarget),
    String(c.pending),
    String(c.withoutTarget),
    formatShare(c.withinTargetRatio),
  ];
  const rows = [
    ...report.groups.map((group) => [group.key ?? '(none)', ...cells(group)]),
    ['all', ...cells(report.overall)],
  ];
  return [
    periodLine(report.period),
    formatTable([report.groupBy, 'incidents', 'within', 'missed', 'pending', 'no target', 'within %'], rows),
  ].join('\n');
}

/** Volume, then the noisiest alerts. */
export function formatAlertNoise(report: AlertNoiseReport): string {
  const v = report.volume;
  return [
    periodLine(report.period),
    `${v.alerts} alert(s), ${v.events} notification(s), ${v.suppressed} muted, ${v.withIncident} fed an incident, ${v.withoutAction} never led to action (${formatShare(v.withoutActionRatio)})`,
    '',
    formatTable(
      [
        report.by === 'fingerprint' ? 'alert / fingerprint' : 'alert',
        'alerts',
        'events',
        'incidents',
        'no action',
        'no action %',
        'last seen',
      ],
      report.noisiest.map((row) => [
        row.fingerprint === null ? row.name : `${row.name} / ${row.fingerprint}`,
        String(row.alerts),
        String(row.events),
        String(row.incidents),
        String(row.withoutAction),
        formatShare(row.withoutActionRatio),
        row.lastSeenAt,
      ]),
      { maxWidths: [60] },
    ),
  ].join('\n');
}

/** Runbooks by use, with success rate and failing steps. */
export function formatRunbookUsage(report: RunbookUsageReport): string {
  return [
    periodLine(report.period),
    formatTable(
      [
        'runbook',
        'runs',
        'verified',
        'failed',
        'abandoned',
        'active',
        'success',
        'steps',
        'failed steps',
        'failing most',
      ],
      report.runbooks.map((row) => [
        row.runbookId,
        String(row.runs),
        String(row.verified),
        String(row.failed),
        String(row.abandoned),
        String(row.active),
        formatShare(row.successRate),
        String(row.stepExecutions),
        String(row.stepsFailed),
        row.failingSteps.map((step) => `${step.stepId} (${step.failures})`).join(', '),
      ]),
    ),
    `${report.totalRuns} run(s) in the period`,
  ].join('\n');
}

/** Per day, overall or for one service. */
export function formatHealthTrends(report: HealthTrendsReport, serviceId?: string): string {
  const days =
    serviceId === undefined
      ? report.overall
      : (report.services.find((service) => service.serviceId === serviceId)?.days ?? []);
  return [
    `${periodLine(report.period)}: ${serviceId ?? 'all services'}`,
    formatTable(
      ['day', 'incidents', 'resolved', 'mttr', 'alerts', 'uptime'],
      days.map((day) => [
        day.date,
        String(day.incidents),
        String(day.resolved),
        formatSeconds(day.mttrSeconds),
        String(day.alerts),
        day.uptimePercent === null ? '-' : `${day.uptimePercent}%`,
      ]),
    ),
  ].join('\n');
}
