import { reportAlertNoise, AlertNoiseInput, AlertNoiseReportSchema } from '../../reports/report-alert-noise.js';
import { reportHealthTrends, HealthTrendsInput, HealthTrendsReportSchema } from '../../reports/report-health-trends.js';
import {
  reportIncidentsPerWeek,
  IncidentsPerWeekInput,
  IncidentsPerWeekReportSchema,
} from '../../reports/report-incidents-per-week.js';
import {
  reportResponseTimes,
  ResponseTimesInput,
  ResponseTimesReportSchema,
} from '../../reports/report-response-times.js';
import { reportRunbookUsage, RunbookUsageInput, RunbookUsageReportSchema } from '../../reports/report-runbook-usage.js';
import {
  reportTargetCompliance,
  TargetComplianceInput,
  TargetComplianceReportSchema,
} from '../../reports/report-target-compliance.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { errorResponses } from '../schemas.js';

const tags = ['reports'];

/** Reports over a period (viewer): response times, weekly load, targets, alert noise, runbooks, health trends. */
export function registerReportRoutes(app: App, { db, now, config }: HttpDeps): void {
  // The configured zone, when the request names none (the reports' own default is UTC).
  const zoned = <T extends { timeZone?: string }>(query: T): T =>
    query.timeZone !== undefined || config.timeZone === undefined ? query : { ...query, timeZone: config.timeZone };
  app.get(
    '/api/v1/reports/response-times',
    {
      schema: {
        tags,
        summary: 'MTTA and MTTR (mean, p50, p90) by severity, service or team',
        querystring: ResponseTimesInput,
        response: { 200: ResponseTimesReportSchema, ...errorResponses },
      },
    },
    async (request) => reportResponseTimes({ ctx: ctxOf(request, db, now), input: zoned(request.query) }),
  );

  app.get(
    '/api/v1/reports/incidents-per-week',
    {
      schema: {
        tags,
        summary: 'Incidents detected per local calendar week, by severity',
        querystring: IncidentsPerWeekInput,
        response: { 200: IncidentsPerWeekReportSchema, ...errorResponses },
      },
    },
    async (request) => reportIncidentsPerWeek({ ctx: ctxOf(request, db, now), input: zoned(request.query) }),
  );

  app.get(
    '/api/v1/reports/target-compliance',
    {
      schema: {
        tags,
        summary: 'Share of incidents resolved within their severity target',
        querystring: TargetComplianceInput,
        response: { 200: TargetComplianceReportSchema, ...errorResponses },
      },
    },
    async (request) => reportTargetCompliance({ ctx: ctxOf(request, db, now), input: zoned(request.query) }),
  );

  app.get(
    '/api/v1/reports/alert-noise',
    {
      schema: {
        tags,
        summary: 'Alert volume and the noisiest alerts (those that never led to action)',
        querystring: AlertNoiseInput,
        response: { 200: AlertNoiseReportSchema, ...errorResponses },
      },
    },
    async (request) => reportAlertNoise({ ctx: ctxOf(request, db, now), input: zoned(request.query) }),
  );

  app.get(
    '/api/v1/reports/runbook-usage',
    {
      schema: {
        tags,
        summary: 'Runbooks most used, their success rate and failing steps',
        querystring: RunbookUsageInput,
        response: { 200: RunbookUsageReportSchema, ...errorResponses },
      },
    },
    async (request) => reportRunbookUsage({ ctx: ctxOf(request, db, now), input: zoned(request.query) }),
  );

  app.get(
    '/api/v1/reports/health-trends',
    {
      schema: {
        tags,
        summary: 'Per day and service: incidents, MTTR, alerts, uptime from probes',
        querystring: HealthTrendsInput,
        response: { 200: HealthTrendsReportSchema, ...errorResponses },
      },
    },
    async (request) => reportHealthTrends({ ctx: ctxOf(request, db, now), input: zoned(request.query) }),
  );
}
