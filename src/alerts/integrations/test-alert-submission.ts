import { recordAudit, type AuditEntry } from '../../audit/record-audit.js';
import { conflict, notFound } from '../../core/app-error.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import type { AlertAction, IncomingAlert } from '../alert-model.js';
import type { SenderIntegration } from './integration-keys.js';
import { integrationColumns, type IntegrationRow } from './integration-row.js';
import { loadIngestIntegrations } from './load-ingest-integrations.js';

/** The ingest path's entry (the node's group-committing writer): resolves once the alerts are committed. */
export type SubmitAlerts = (submission: { integration: SenderIntegration; alerts: IncomingAlert[] }) => Promise<void>;

/** Test alerts carry this prefix in their fingerprint: only they may be resolved from the console. */
export const testFingerprintPrefix = 'astreinte-test:';

const selectIntegration = `SELECT ${integrationColumns} FROM integrations WHERE id = $1::uuid AND kind <> 'probe'`;

/**
 * Loads an enabled integration (404, or 409 when disabled) and records the audit row of a test
 * sent through it, in its own transaction: the alert is committed by the writer's group commit,
 * which cannot join ours; an audited attempt that failed is still worth knowing of. `before`
 * runs in the transaction first, and may refuse (a test alert to resolve that does not exist);
 * when it answers false, nothing is audited and null comes back: there is nothing to send.
 */
export async function openTestSubmission(
  ctx: Ctx,
  id: string,
  audit: Omit<AuditEntry, 'targetType' | 'targetId'>,
  before: (tx: Ctx) => Promise<boolean> = () => Promise.resolve(true),
): Promise<SenderIntegration | null> {
  return inTransaction(ctx, async (tx) => {
    const row = (await tx.db.query<IntegrationRow>(selectIntegration, [id])).rows[0];
    if (row === undefined) throw notFound('integration', id);
    if (row.disabled_at !== null) throw conflict('this integration is disabled: enable it to test it', {});
    if (!(await before(tx))) return null;
    await recordAudit(tx, { ...audit, targetType: 'integration', targetId: row.id });
    const loaded = (await loadIngestIntegrations(tx.db, [row.id])).get(row.id)!;
    return { ...loaded, kind: row.kind } satisfies SenderIntegration;
  });
}

/**
 * The test alert as a sender would describe it, firing or resolved: labelled
 * `astreinte_test="true"` so silences and reports can tell it apart.
 */
export function testAlert(ctx: Ctx, fingerprint: string, action: AlertAction): IncomingAlert {
  const actorName = 'name' in ctx.actor ? ctx.actor.name : 'astreinte';
  const title = `Test alert from Astreinte, sent by ${actorName}: nothing is wrong`;
  return {
    fingerprint,
    action,
    labels: { alertname: 'AstreinteTestAlert', astreinte_test: 'true' },
    annotations: { summary: title },
    title,
    // No severity word: the integration's default priority applies, as the admin set it.
    severity: null,
    startsAt: action === 'trigger' ? ctx.now() : null,
    endsAt: action === 'resolve' ? ctx.now() : null,
    sourceUrl: null,
  };
}
