import { recordAudit } from '../audit/record-audit.js';
import { conflict, notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { checkProbeSettings, type ProbeEnvironment } from './check-probe-settings.js';
import { withProbeDefaults, type UpdateProbeInput } from './probe-input.js';
import { probeColumns, probeRowValues, toProbe, type Probe, type ProbeRow } from './probe-row.js';
import { openProbeTarget, restoreProbeSecrets } from './probe-secrets.js';
import { resolveProbeAlerts } from './runner/resolve-probe-alerts.js';

const lockProbe = `SELECT ${probeColumns} FROM probes WHERE id = $1::uuid FOR UPDATE`;
const saveProbe = `
  UPDATE probes SET name = $2, kind = $3, service_id = $4, target = $5, conditions = $6, severity = $7, labels = $8,
         interval_seconds = $9, retry_interval_seconds = $10, timeout_ms = $11, retries = $12, for_seconds = $13,
         keep_firing_for_seconds = $14, enabled = $15, updated_at = $16, next_run_at = $17,
         lease_until = NULL, status = 'unknown', state = '{}'::jsonb
   WHERE id = $1::uuid
  RETURNING ${probeColumns}`;
const nameTaken = `SELECT 1 FROM probes WHERE name = $1 AND id <> $2::uuid`;

/**
 * Changes a probe (admin); fields left out keep their value, credentials sent back redacted keep
 * the stored ones. The probe starts over: its firing alerts resolve (said so in their incidents),
 * its state is forgotten, a check in flight is discarded (its lease is gone) and the next check
 * comes within one interval.
 */
export async function updateProbe({
  ctx,
  input,
  environment,
}: {
  ctx: Ctx;
  input: { id: string } & UpdateProbeInput;
  environment: ProbeEnvironment;
}): Promise<Probe> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const { rows } = await tx.db.query<ProbeRow>(lockProbe, [input.id]);
    const current = rows[0];
    if (current === undefined) throw notFound('probe', input.id);
    const { id, ...changes } = input;
    const stored = openProbeTarget(current.target, id, environment.secretKey);
    const settings = withProbeDefaults({
      name: current.name,
      serviceId: current.service_id,
      target: stored,
      conditions: current.conditions,
      severity: current.severity,
      labels: current.labels,
      intervalSeconds: current.interval_seconds,
      retryIntervalSeconds: current.retry_interval_seconds,
      timeoutMs: current.timeout_ms,
      retries: current.retries,
      forSeconds: current.for_seconds,
      keepFiringForSeconds: current.keep_firing_for_seconds,
      enabled: current.enabled,
      ...changes,
      ...(changes.target === undefined ? {} : { target: restoreProbeSecrets(changes.target, stored) }),
      // A new kind brings its own default conditions unless some are given.
      ...(changes.target !== undefined && changes.target.kind !== current.kind && changes.conditions === undefined
        ? { conditions: undefined }
        : {}),
    });
    if (changes.intervalSeconds !== undefined && changes.retryIntervalSeconds === undefined)
      settings.retryIntervalSeconds = Math.min(current.retry_interval_seconds, settings.intervalSeconds);
    await checkProbeSettings(tx.db, settings, environment);
    if ((await tx.db.query(nameTaken, [settings.name, id])).rows.length > 0)
      throw conflict(`a probe named ${settings.name} exists`, { field: '/name' });
    const now = tx.now();
    await resolveProbeAlerts(tx, [id], 'the probe was changed');
    const { rows: saved } = await tx.db.query<ProbeRow>(
      saveProbe,
      probeRowValues(id, settings, environment.secretKey, now),
    );
    await recordAudit(tx, {
      action: 'probe.update',
      targetType: 'probe',
      targetId: id,
      details: { fields: Object.keys(changes) },
    });
    return toProbe(saved[0]!);
  });
}
