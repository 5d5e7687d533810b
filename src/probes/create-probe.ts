import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/record-audit.js';
import { conflict } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { checkProbeSettings, type ProbeEnvironment } from './check-probe-settings.js';
import { withProbeDefaults, type CreateProbeInput } from './probe-input.js';
import { probeColumns, probeRowValues, toProbe, type Probe, type ProbeRow } from './probe-row.js';

const insertProbe = `
  INSERT INTO probes (id, name, kind, service_id, target, conditions, severity, labels, interval_seconds, retry_interval_seconds,
                      timeout_ms, retries, for_seconds, keep_firing_for_seconds, enabled, created_at, updated_at, next_run_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, $17)
  ON CONFLICT (name) DO NOTHING
  RETURNING ${probeColumns}`;

/**
 * Adds a probe (admin). Its conditions are checked against what its kind observes, its
 * credentials sealed; its first check comes at a random point of its first interval, so that
 * probes created together (an import, a restore) do not all run at the same instant.
 */
export async function createProbe({
  ctx,
  input,
  environment,
}: {
  ctx: Ctx;
  input: CreateProbeInput;
  environment: ProbeEnvironment;
}): Promise<Probe> {
  requireRole(ctx, 'admin');
  const settings = withProbeDefaults(input);
  return inTransaction(ctx, async (tx) => {
    await checkProbeSettings(tx.db, settings, environment);
    const id = randomUUID();
    const now = tx.now();
    const { rows } = await tx.db.query<ProbeRow>(insertProbe, probeRowValues(id, settings, environment.secretKey, now));
    const row = rows[0];
    if (row === undefined) throw conflict(`a probe named ${settings.name} exists`, { field: '/name' });
    await recordAudit(tx, {
      action: 'probe.create',
      targetType: 'probe',
      targetId: id,
      details: { name: settings.name, kind: settings.target.kind },
    });
    return toProbe(row);
  });
}
