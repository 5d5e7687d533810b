import type { Queryable } from '../../storage/database.js';
import type { IngestKind, IntegrationKind } from '../ingest/ingest-kind-names.js';
import { effectiveSettings, type EffectiveSettings, type IntegrationSettings } from '../integration-model.js';
import { hashIntegrationKey } from './integration-key.js';

/** An enabled integration as the ingest path needs it, settings with defaults filled in. */
export interface IngestIntegration {
  id: string;
  name: string;
  kind: IngestKind;
  serviceId: string | null;
  settings: EffectiveSettings;
  /** The settings as stored (the webhook mapping, the heartbeat period). */
  stored: IntegrationSettings;
}

/** An integration senders use (not the probes' own). */
export type SenderIntegration = IngestIntegration & { kind: IntegrationKind };

const selectByKeyHash = `
  SELECT id, name, kind, service_id, settings FROM integrations WHERE key_hash = $1 AND disabled_at IS NULL AND kind <> 'probe'`;

/** How long a node trusts what it read of a key: a disabled or rotated key stops working within this. */
const cacheMs = 5_000;
const maxEntries = 10_000;

/**
 * Finds the integration a sender's key opens. Every alert request carries its key, and a
 * Prometheus server posts several times a second: lookups are cached a few seconds per node,
 * misses too (a sender with a wrong key must not cost a query per request).
 */
export class IntegrationKeys {
  private readonly cache = new Map<string, { integration: SenderIntegration | null; until: number }>();

  constructor(private readonly db: Queryable) {}

  async find(key: string): Promise<SenderIntegration | null> {
    const hash = hashIntegrationKey(key);
    const now = Date.now();
    const cached = this.cache.get(hash);
    if (cached !== undefined && cached.until > now) return cached.integration;
    const { rows } = await this.db.query<{
      id: string;
      name: string;
      kind: IntegrationKind;
      service_id: string | null;
      settings: IntegrationSettings;
    }>(selectByKeyHash, [hash]);
    const row = rows[0];
    const integration =
      row === undefined
        ? null
        : {
            id: row.id,
            name: row.name,
            kind: row.kind,
            serviceId: row.service_id,
            settings: effectiveSettings(row.settings),
            stored: row.settings,
          };
    if (this.cache.size >= maxEntries) this.cache.clear();
    this.cache.set(hash, { integration, until: now + cacheMs });
    return integration;
  }

  /** Forgets everything read: after a change made on this node, it applies at once here. */
  forget(): void {
    this.cache.clear();
  }
}
