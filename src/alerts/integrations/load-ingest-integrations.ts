import type { Queryable } from '../../storage/database.js';
import type { IngestKind } from '../ingest/ingest-kind-names.js';
import { effectiveSettings, type IntegrationSettings } from '../integration-model.js';
import type { IngestIntegration } from './integration-keys.js';

const selectEnabledIntegrations = `
  SELECT id, name, kind, service_id, settings FROM integrations WHERE id = ANY($1::uuid[]) AND disabled_at IS NULL`;

/** Enabled integrations by id, as the ingest path needs them (timed work has ids, not keys). */
export async function loadIngestIntegrations(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, IngestIntegration>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{
    id: string;
    name: string;
    kind: IngestKind;
    service_id: string | null;
    settings: IntegrationSettings;
  }>(selectEnabledIntegrations, [ids]);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        name: row.name,
        kind: row.kind,
        serviceId: row.service_id,
        settings: effectiveSettings(row.settings),
        stored: row.settings,
      },
    ]),
  );
}
