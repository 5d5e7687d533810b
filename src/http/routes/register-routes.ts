import type { App, HttpDeps } from '../http-deps.js';
import { registerAckLinkRoutes } from './ack-link-routes.js';
import { registerAlertIngestRoutes } from './alert-ingest-routes.js';
import { registerAlertRoutes } from './alerts-routes.js';
import { registerAuditRoutes } from './audit-routes.js';
import { registerAuthRoutes } from './auth-routes.js';
import { registerChecklistRoutes } from './checklists-routes.js';
import { registerConsoleRoutes } from './console-routes.js';
import { registerDraftAdoptionRoutes } from './draft-adoption-routes.js';
import { registerHealthRoutes } from './health-routes.js';
import { registerIncidentEventsRoute } from './incident-events-route.js';
import { registerIncidentRoutes } from './incidents-routes.js';
import { registerInboundSmsRoutes } from './inbound-sms-routes.js';
import { registerIntegrationRoutes } from './integrations-routes.js';
import { registerIntegrationToolRoutes } from './integration-tools-routes.js';
import { registerNotificationRoutes } from './notifications-routes.js';
import { registerEscalationRoutes } from './escalation-routes.js';
import { registerScheduleRoutes } from './schedules-routes.js';
import { registerPeopleRoutes } from './people-routes.js';
import { registerPostmortemRoutes } from './postmortems-routes.js';
import { registerProbeRoutes } from './probes-routes.js';
import { registerReportRoutes } from './reports-routes.js';
import { registerStatusPageRoutes } from './status-page-routes.js';
import { registerRunbookImportRoutes } from './runbook-import-routes.js';
import { registerRunbookRoutes } from './runbooks-routes.js';
import { registerRunRoutes } from './runs-routes.js';
import { registerRunnerRoutes } from './runner-routes.js';
import { registerSecretRoutes } from './secrets-routes.js';
import { registerServiceRoutes } from './services-routes.js';
import { registerStepEventsRoute } from './step-events-route.js';
import { registerSetupRoutes } from './setup-routes.js';
import { registerScheduleTimelineRoutes } from './schedule-timeline-routes.js';
import { registerSeverityRoutes } from './severity-routes.js';
import { registerSqlConnectionRoutes } from './sql-connections-routes.js';
import { registerTeamRoutes } from './teams-routes.js';
import { registerTokenRoutes } from './tokens-routes.js';
import { registerUserRoutes } from './users-routes.js';

/** Every domain's routes module, in one list: those that register a plugin first (cookies, multipart, static files) are async. */
const routeModules: ((app: App, deps: HttpDeps) => void | Promise<void>)[] = [
  registerHealthRoutes,
  registerAuthRoutes,
  registerSetupRoutes,
  registerIncidentEventsRoute,
  registerIncidentRoutes,
  registerServiceRoutes,
  registerChecklistRoutes,
  registerSeverityRoutes,
  registerAuditRoutes,
  registerUserRoutes,
  registerTeamRoutes,
  registerTokenRoutes,
  registerRunbookImportRoutes,
  registerRunbookRoutes,
  registerDraftAdoptionRoutes,
  registerRunRoutes,
  registerStepEventsRoute,
  registerRunnerRoutes,
  registerSqlConnectionRoutes,
  registerSecretRoutes,
  registerIntegrationRoutes,
  registerIntegrationToolRoutes,
  registerAlertIngestRoutes,
  registerAlertRoutes,
  registerScheduleRoutes,
  registerEscalationRoutes,
  registerPeopleRoutes,
  registerScheduleTimelineRoutes,
  registerNotificationRoutes,
  registerAckLinkRoutes,
  registerInboundSmsRoutes,
  registerProbeRoutes,
  registerPostmortemRoutes,
  registerStatusPageRoutes,
  registerReportRoutes,
  registerConsoleRoutes,
];

export async function registerRoutes(app: App, deps: HttpDeps): Promise<void> {
  for (const register of routeModules) await register(app, deps);
}
