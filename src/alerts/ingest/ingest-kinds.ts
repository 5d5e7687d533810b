import type { IngestKindDefinition } from './ingest-kind-definition.js';
import type { IntegrationKind } from './ingest-kind-names.js';
import { alertmanagerKind } from './kinds/alertmanager-kind.js';
import { heartbeatKind } from './kinds/heartbeat-kind.js';
import { pagerDutyKind } from './kinds/pagerduty-kind.js';
import { prometheusKind } from './kinds/prometheus-kind.js';
import { webhookKind } from './kinds/webhook-kind.js';

/**
 * Every way in for alerts, one row per kind of integration (one file per kind, under `kinds/`).
 * Its keys are `integrationKindNames` (`ingest-kind-names.ts`: the console's build may read
 * that one). What derives from the table: the API's `kind` enum (hence OpenAPI),
 * the ingest routes (`registerAlertIngestRoutes`), each integration's `endpoint`, which settings
 * a kind needs, and the console's list of kinds (`GET /api/v1/integrations/kinds`). The `kind`
 * column has no CHECK (migration 016): the API's enum, read from here, validates every write.
 * Adding a kind: its file, its name and its row, its strings in the console (docs/CONVENTIONS.md).
 */
export const ingestKinds = {
  prometheus: prometheusKind,
  alertmanager: alertmanagerKind,
  pagerduty: pagerDutyKind,
  webhook: webhookKind,
  heartbeat: heartbeatKind,
} as const satisfies Record<IntegrationKind, IngestKindDefinition>;

/** Where senders of a kind call, as shown to admins: its first route, `{key}` for a path parameter. */
export function endpointOf(kind: IntegrationKind): string {
  return ingestKinds[kind].routes[0].path.replace(/:(\w+)/g, '{$1}');
}
