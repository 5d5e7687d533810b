import type { IntegrationKind } from '../ingest/ingest-kind-names.js';
import { endpointOf } from '../ingest/ingest-kinds.js';
import type { Integration, IntegrationSettings } from '../integration-model.js';

export interface IntegrationRow {
  [column: string]: unknown;
  id: string;
  name: string;
  kind: IntegrationKind;
  key_hint: string;
  service_id: string | null;
  settings: IntegrationSettings;
  created_at: Date;
  updated_at: Date;
  disabled_at: Date | null;
}

export const integrationColumns = 'id, name, kind, key_hint, service_id, settings, created_at, updated_at, disabled_at';

export function toIntegration(row: IntegrationRow): Integration {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    keyHint: row.key_hint,
    serviceId: row.service_id,
    settings: row.settings,
    endpoint: endpointOf(row.kind),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    disabledAt: row.disabled_at?.toISOString() ?? null,
  };
}
