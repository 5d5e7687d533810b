import { InvalidArgumentError, type Command } from 'commander';
import type { AlertNoiseReport } from '../reports/report-alert-noise.js';
import type { HealthTrendsReport } from '../reports/report-health-trends.js';
import type { IncidentsPerWeekReport } from '../reports/report-incidents-per-week.js';
import type { ResponseTimesReport } from '../reports/report-response-times.js';
import type { RunbookUsageReport } from '../reports/report-runbook-usage.js';
import type { TargetComplianceReport } from '../reports/report-target-compliance.js';
import { ApiClient, apiTarget } from './api-client.js';
import { CliError, exitCodes, writeJson, writeLines, type CliIo } from './cli-io.js';
import { positiveInteger, withApiOptions } from './cli-options.js';
import {
  formatAlertNoise,
  formatHealthTrends,
  formatIncidentsPerWeek,
  formatResponseTimes,
  formatRunbookUsage,
  formatTargetCompliance,
} from './report-format.js';

interface ReportFlags {
  url?: string;
  token?: string;
  json?: boolean;
  from?: string;
  to?: string;
  timeZone?: string;
  by?: string;
  limit?: number;
  days?: number;
  service?: string;
}

function oneOf(values: readonly string[]): (value: string) => string {
  return (value) => {
    if (!values.includes(value)) throw new InvalidArgumentError(`expected ${values.join(', ')}`);
    return value;
  };
}

function withPeriod(command: Command): Command {
  return withApiOptions(command)
    .option(
      '--from <date>',
      'start, included: a date (local midnight) or an ISO date-time; default 30 days before --to',
    )
    .option('--to <date>', 'end, excluded; default now')
    .option('--time-zone <zone>', 'IANA time zone days and weeks are cut in (Europe/Paris); default UTC');
}

/** `astreinte report …`: the reports of `/api/v1/reports`, printed as aligned tables (or `--json`). */
export function registerReportCommands(program: Command, io: CliIo): void {
  const report = program
    .command('report')
    .description('reports over a period: response times, weekly load, targets, alert noise, runbooks, health trends');
  const fetchReport = async <T>(
    name: string,
    flags: ReportFlags,
    query: Record<string, string | number | undefined>,
  ): Promise<T> => {
    const client = new ApiClient(apiTarget(flags, io.env));
    return client.request<T>('GET', `/api/v1/reports/${name}`, {
      query: { from: flags.from, to: flags.to, timeZone: flags.timeZone, ...query },
    });
  };
  const print = <T>(flags: ReportFlags, value: T, format: (value: T) => string): void => {
    if (flags.json === true) writeJson(io.stdout, value);
    else writeLines(io.stdout, format(value));
  };

  withPeriod(report.command('response-times'))
    .description('MTTA and MTTR (mean, p50, p90, with counts) by severity, service or team')
    .option('--by <grouping>', 'severity, service or team (default severity)', oneOf(['severity', 'service', 'team']))
    .action(async (flags: ReportFlags) =>
      print(
        flags,
        await fetchReport<ResponseTimesReport>('response-times', flags, { groupBy: flags.by }),
        formatResponseTimes,
      ),
    );

  withPeriod(report.command('incidents-per-week'))
    .description('incidents detected per week (Monday to Monday in --time-zone), by severity')
    .action(async (flags: ReportFlags) =>
      print(flags, await fetchReport<IncidentsPerWeekReport>('incidents-per-week', flags, {}), formatIncidentsPerWeek),
    );

  withPeriod(report.command('target-compliance'))
    .description('share of incidents resolved within their severity target')
    .option('--by <grouping>', 'severity, service or team (default severity)', oneOf(['severity', 'service', 'team']))
    .action(async (flags: ReportFlags) =>
      print(
        flags,
        await fetchReport<TargetComplianceReport>('target-compliance', flags, { groupBy: flags.by }),
        formatTargetCompliance,
      ),
    );

  withPeriod(report.command('alert-noise'))
    .description('alert volume and the alerts that most often never led to action')
    .option('--by <what>', 'name or fingerprint (default name)', oneOf(['name', 'fingerprint']))
    .option('--limit <n>', 'at most this many alerts (1 to 100, default 10)', positiveInteger)
    .action(async (flags: ReportFlags) =>
      print(
        flags,
        await fetchReport<AlertNoiseReport>('alert-noise', flags, { by: flags.by, limit: flags.limit }),
        formatAlertNoise,
      ),
    );

  withPeriod(report.command('runbook-usage'))
    .description('runbooks most used, their success rate (verified / ended runs) and failing steps')
    .option('--limit <n>', 'at most this many runbooks (1 to 200, default 20)', positiveInteger)
    .action(async (flags: ReportFlags) =>
      print(
        flags,
        await fetchReport<RunbookUsageReport>('runbook-usage', flags, { limit: flags.limit }),
        formatRunbookUsage,
      ),
    );

  withApiOptions(report.command('health-trends'))
    .description('per day: incidents, MTTR, alerts and uptime from probes, overall or for one service')
    .option('--days <n>', 'the last N days, today included (1 to 90, default 7)', positiveInteger)
    .option('--time-zone <zone>', 'IANA time zone days are cut in; default UTC')
    .option('--service <id>', 'one service instead of all')
    .action(async (flags: ReportFlags) => {
      const client = new ApiClient(apiTarget(flags, io.env));
      const trends = await client.request<HealthTrendsReport>('GET', '/api/v1/reports/health-trends', {
        query: { days: flags.days, timeZone: flags.timeZone },
      });
      if (flags.service !== undefined && !trends.services.some((service) => service.serviceId === flags.service)) {
        throw new CliError(`no service ${flags.service} in the catalogue`, exitCodes.failed);
      }
      print(flags, trends, (value) => formatHealthTrends(value, flags.service));
    });
}
