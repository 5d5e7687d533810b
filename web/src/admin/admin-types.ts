/**
 * The shapes the admin pages read and send: the server's own types, imported as types only (erased
 * from the bundle), so the pages cannot drift from the schemas the API validates with.
 */
export type { User } from '../../../src/users/user-model.js';
export type { ApiToken } from '../../../src/auth/api-token-model.js';
export type { Integration, IntegrationKindInfo, IntegrationSettings } from '../../../src/alerts/integration-model.js';
export type { IntegrationKind } from '../../../src/alerts/ingest/ingest-kind-names.js';
export type { Silence } from '../../../src/alerts/silences/silence-model.js';
export type { MaintenanceWindow } from '../../../src/alerts/maintenance/maintenance-window-model.js';
export type { AuditLogEntry } from '../../../src/audit/list-audit-log.js';
export type { LabelMatcher, MatcherOperator } from '../../../src/alerts/matching/label-matchers.js';
export type { Service } from '../../../src/services/service-model.js';

/** Written here rather than imported: the console needs the values at run time, not only the type. */
export const roles = ['viewer', 'responder', 'admin'] as const;
export const matcherOperators = ['=', '!=', '=~', '!~'] as const;
export type { AlertExplanation } from '../../../src/alerts/integrations/explain-integration-alert.js';
export type { TestAlertResult } from '../../../src/alerts/integrations/send-test-alert.js';
export type { TestAlertResolution } from '../../../src/alerts/integrations/resolve-test-alert.js';
