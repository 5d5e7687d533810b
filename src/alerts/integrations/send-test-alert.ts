import { randomUUID } from 'node:crypto';
import { Type, type Static } from 'typebox';
import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import { openTestSubmission, testAlert, testFingerprintPrefix, type SubmitAlerts } from './test-alert-submission.js';

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
  const fingerprint = `${testFingerprintPrefix}${randomUUID()}`;
  const integration = (await openTestSubmission(ctx, input.id, {
    action: 'integration.test_alert',
    details: { fingerprint },
  }))!;
  await submit({ integration, alerts: [testAlert(ctx, fingerprint, 'trigger')] });
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
