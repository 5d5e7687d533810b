import { randomUUID } from 'node:crypto';
import { Type, type Static } from 'typebox';
import { recordAudit } from '../../audit/record-audit.js';
import { conflict, notFound } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import type { IncomingAlert } from '../alert-model.js';
import type { SenderIntegration } from './integration-keys.js';
import { integrationColumns, type IntegrationRow } from './integration-row.js';
import { loadIngestIntegrations } from './load-ingest-integrations.js';

export const testAlertOutcomes = ['opened', 'grouped', 'suppressed', 'stored'] as const;

export const TestAlertResultSchema = Type.Object(
  {
    alertId: Type.Union([Type.String(), Type.Null()]),
    fingerprint: Type.String(),
    outcome: Type.Enum(testAlertOutcomes, {
      description:
        'opened: a new incident; grouped: joined an open incident of its group; suppressed: muted (see suppressed); stored: stored, no incident',
    }),
    incidentId: Type.Union([Type.String(), Type.Null()]),
    incidentTitle: Type.Union([Type.String(), Type.Null()]),
    suppressed: Type.Union([Type.Unknown(), Type.Null()], { description: 'silences, maintenance or inhibition' }),
  },
  { title: 'TestAlertResult' },
);
export type TestAlertResult = Static<typeof TestAlertResultSchema>;

/** The ingest path's entry (the node's group-committing writer): resolves once the alerts are committed. */
export type SubmitAlerts = (submission: { integration: SenderIntegration; alerts: IncomingAlert[] }) => Promise<void>;

const selectIntegration = `SELECT ${integrationColumns} FROM integrations WHERE id = $1::uuid AND kind <> 'probe'`;
const selectStoredAlert = `
  SELECT a.id, a.incident_id, a.suppressed, i.title AS incident_title,
         EXISTS (SELECT 1 FROM alerts o WHERE o.incident_id = a.incident_id AND o.id <> a.id) AS shared
    FROM alerts a LEFT JOIN incidents i ON i.id = a.incident_id
   WHERE a.integration_id = $1::uuid AND a.fingerprint = $2`;

/**
 * Sends a test alert (admin) through the same path a sender's alerts take — planning, grouping,
 * silences, incident, paging — labelled `astreinte_test="true"` so silences and reports can tell
 * it apart, and says what became of it. Its fingerprint is new each time: it never repeats an
 * earlier test, though it may join that test's open incident (same `alertname`), which it says.
 */
export async function sendTestAlert({
  ctx,
  input,
  submit,
}: {
  ctx: Ctx;
  input: { id: string };
  submit: SubmitAlerts;
}): Promise<TestAlertResult> {
  requireRole(ctx, 'admin');
  const fingerprint = `astreinte-test:${randomUUID()}`;
  // The audit row first, in its own transaction: the alert is committed by the writer's group
  // commit, which cannot join ours; an audited attempt that failed is still worth knowing of.
  const integration = await inTransaction(ctx, async (tx) => {
    const row = (await tx.db.query<IntegrationRow>(selectIntegration, [input.id])).rows[0];
    if (row === undefined) throw notFound('integration', input.id);
    if (row.disabled_at !== null) throw conflict('this integration is disabled: enable it to test it', {});
    await recordAudit(tx, {
      action: 'integration.test_alert',
      targetType: 'integration',
      targetId: row.id,
      details: { fingerprint },
    });
    const loaded = (await loadIngestIntegrations(tx.db, [row.id])).get(row.id)!;
    return { ...loaded, kind: row.kind } satisfies SenderIntegration;
  });
  const actorName = 'name' in ctx.actor ? ctx.actor.name : 'astreinte';
  await submit({
    integration,
    alerts: [
      {
        fingerprint,
        action: 'trigger',
        labels: { alertname: 'AstreinteTestAlert', astreinte_test: 'true' },
        annotations: { summary: `Test alert from Astreinte, sent by ${actorName}: nothing is wrong` },
        title: `Test alert from Astreinte, sent by ${actorName}: nothing is wrong`,
        // No severity word: the integration's default priority applies, as the admin set it.
        severity: null,
        startsAt: ctx.now(),
        endsAt: null,
        sourceUrl: null,
      },
    ],
  });
  const stored = (
    await ctx.db.query<{
      id: string;
      incident_id: string | null;
      suppressed: unknown;
      incident_title: string | null;
      shared: boolean;
    }>(selectStoredAlert, [integration.id, fingerprint])
  ).rows[0];
  const outcome =
    stored === undefined || stored.incident_id === null
      ? stored?.suppressed != null
        ? 'suppressed'
        : 'stored'
      : stored.shared
        ? 'grouped'
        : 'opened';
  return {
    alertId: stored?.id ?? null,
    fingerprint,
    outcome,
    incidentId: stored?.incident_id ?? null,
    incidentTitle: stored?.incident_title ?? null,
    suppressed: stored?.suppressed ?? null,
  };
}
