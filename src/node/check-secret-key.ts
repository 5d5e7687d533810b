import { sqlConnectionSealingContext } from '../execution/connections/sql-connection-model.js';
import { decryptSecret } from '../execution/secrets/secret-crypto.js';
import { secretSealingContext } from '../execution/secrets/secret-model.js';
import type { ChannelConfig } from '../notifications/channel-kinds.js';
import { mapChannelSecrets } from '../notifications/channel-secrets.js';
import { openChannelConfig } from '../notifications/store/open-channel-secret.js';
import type { ProbeTarget } from '../probes/probe-kinds.js';
import { hasProbeSecrets, openProbeTarget } from '../probes/probe-secrets.js';
import type { Queryable } from '../storage/database.js';

const lastSecret = 'SELECT name, sealed FROM secrets ORDER BY updated_at DESC LIMIT 1';
const lastConnection = 'SELECT name, sealed_url FROM sql_connections ORDER BY updated_at DESC LIMIT 1';
const channels = 'SELECT id, config FROM notification_channels ORDER BY updated_at DESC';
const probes = 'SELECT id, target FROM probes ORDER BY updated_at DESC';

/** One sealed value the key must open: what it is (for the message), and how to open it. */
interface Sample {
  what: string;
  open: (key: Buffer) => unknown;
}

const holdsSecrets = (config: ChannelConfig): boolean => {
  let found = false;
  mapChannelSecrets(config, (value) => ((found = true), value));
  return found;
};

/**
 * The newest sealed value of each kind stored in the database: a step secret, a SQL connection,
 * a notification channel's and a probe's credentials. One of each is enough to tell the key
 * that sealed them from another; a database without any has none.
 */
async function sealedSamples(db: Queryable): Promise<Sample[]> {
  const samples: Sample[] = [];
  const secret = (await db.query<{ name: string; sealed: string }>(lastSecret)).rows[0];
  if (secret !== undefined)
    samples.push({
      what: `the step secret ${secret.name}`,
      open: (key) => decryptSecret(secret.sealed, key, secretSealingContext(secret.name)),
    });
  const connection = (await db.query<{ name: string; sealed_url: string }>(lastConnection)).rows[0];
  if (connection !== undefined)
    samples.push({
      what: `the SQL connection ${connection.name}`,
      open: (key) => decryptSecret(connection.sealed_url, key, sqlConnectionSealingContext(connection.name)),
    });
  const channel = (await db.query<{ id: string; config: ChannelConfig }>(channels)).rows.find((row) =>
    holdsSecrets(row.config),
  );
  if (channel !== undefined)
    samples.push({
      what: `the notification channel ${channel.id}`,
      open: (key) => openChannelConfig(channel.id, channel.config, key),
    });
  const probe = (await db.query<{ id: string; target: ProbeTarget }>(probes)).rows.find((row) =>
    hasProbeSecrets(row.target),
  );
  if (probe !== undefined)
    samples.push({ what: `the probe ${probe.id}`, open: (key) => openProbeTarget(probe.target, probe.id, key) });
  return samples;
}

/**
 * What stored secrets `key` fails to open (none when it is the key that sealed them, or when
 * nothing is sealed yet). A node started with another key would store new secrets it can read
 * and fail on every old one at the moment it is needed: a page not sent, a step not run.
 */
export async function secretsNotOpening(db: Queryable, key: Buffer): Promise<string[]> {
  const failed: string[] = [];
  for (const sample of await sealedSamples(db)) {
    try {
      sample.open(key);
    } catch {
      failed.push(sample.what);
    }
  }
  return failed;
}
