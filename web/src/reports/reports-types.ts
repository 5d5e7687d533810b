/** The API's report answers (`src/reports/`), as the console reads them. */

export interface Period {
  from: string;
  to: string;
  timeZone: string;
}
export interface Bucket {
  date: string;
  start: string;
  end: string;
  partial: boolean;
  hours: number;
}
export interface DurationStats {
  count: number;
  meanSeconds: number | null;
  p50Seconds: number | null;
  p90Seconds: number | null;
}

export interface ResponseTimesReport {
  period: Period;
  groupBy: string;
  groups: { key: string | null; name: string | null; incidents: number; mtta: DurationStats; mttr: DurationStats }[];
  overall: { incidents: number; mtta: DurationStats; mttr: DurationStats };
}

export type Severity = 'P1' | 'P2' | 'P3' | 'P4';

export interface IncidentsPerWeekReport {
  period: Period;
  weeks: (Bucket & { incidents: number; bySeverity: Record<Severity, number>; resolved: number })[];
  total: number;
}

export interface ComplianceCounts {
  incidents: number;
  withoutTarget: number;
  withinTarget: number;
  missedTarget: number;
  pending: number;
  withinTargetRatio: number | null;
}

export interface TargetComplianceReport {
  period: Period;
  groupBy: string;
  groups: (ComplianceCounts & { key: string | null; name: string | null })[];
  overall: ComplianceCounts;
}

export interface AlertNoiseReport {
  period: Period;
  volume: {
    alerts: number;
    events: number;
    suppressed: number;
    withIncident: number;
    withoutAction: number;
    withoutActionRatio: number | null;
  };
  weeks: (Bucket & { alerts: number; withoutAction: number })[];
  noisiest: {
    name: string;
    fingerprint: string | null;
    title: string;
    alerts: number;
    events: number;
    incidents: number;
    withoutAction: number;
    withoutActionRatio: number | null;
    lastSeenAt: string;
  }[];
}

export interface RunbookUsageReport {
  period: Period;
  runbooks: {
    runbookId: string;
    title: string;
    runs: number;
    verified: number;
    failed: number;
    abandoned: number;
    active: number;
    ended: number;
    successRate: number | null;
    stepExecutions: number;
    stepsFailed: number;
  }[];
  totalRuns: number;
}

export interface DayFigures {
  date: string;
  incidents: number;
  resolved: number;
  mttrSeconds: number | null;
  alerts: number;
  checks: number;
  failures: number;
  uptimePercent: number | null;
}

export interface HealthTrendsReport {
  period: Period;
  days: Bucket[];
  overall: DayFigures[];
  services: { serviceId: string; name: string; days: DayFigures[] }[];
}

/** Everything the reports page shows, loaded together for one period. */
export interface ReportSet {
  responseTimes: ResponseTimesReport;
  perWeek: IncidentsPerWeekReport;
  compliance: TargetComplianceReport;
  noise: AlertNoiseReport;
  runbooks: RunbookUsageReport;
  trends: HealthTrendsReport;
}
