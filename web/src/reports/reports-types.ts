/**
 * The API's report answers (`src/reports/`), as the console reads them: the server's own types,
 * imported as types only (erased from the bundle), so the charts cannot drift from the schemas.
 */
import type { AlertNoiseReport } from '../../../src/reports/report-alert-noise.js';
import type { HealthTrendsReport } from '../../../src/reports/report-health-trends.js';
import type { IncidentsPerWeekReport } from '../../../src/reports/report-incidents-per-week.js';
import type { ResponseTimesReport } from '../../../src/reports/report-response-times.js';
import type { RunbookUsageReport } from '../../../src/reports/report-runbook-usage.js';
import type { TargetComplianceReport } from '../../../src/reports/report-target-compliance.js';

export type { DurationStats } from '../../../src/reports/report-model.js';
export type {
  AlertNoiseReport,
  HealthTrendsReport,
  IncidentsPerWeekReport,
  ResponseTimesReport,
  RunbookUsageReport,
  TargetComplianceReport,
};

/** Everything the reports page shows, loaded together for one period. */
export interface ReportSet {
  responseTimes: ResponseTimesReport;
  perWeek: IncidentsPerWeekReport;
  compliance: TargetComplianceReport;
  noise: AlertNoiseReport;
  runbooks: RunbookUsageReport;
  trends: HealthTrendsReport;
}
