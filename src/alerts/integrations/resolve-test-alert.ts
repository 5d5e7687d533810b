import { Type, type Static } from 'typebox';
import { notFound } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import { IncidentStatusSchema, type IncidentStatus } from '../../incidents/incident-model.js';
import { openTestSubmission, testAlert, testFingerprintPrefix, type SubmitAlerts } from './test-alert-submission.js';

export const ResolveTestAlertInput = Type.Object(
  {
    fingerprint: Type.String({
      pattern: `^${testFingerprintPrefix}[0-9a-f-]{36}$`,
      description: "the test alert's fingerprint, as sending it answered (only test alerts can be resolved here)",
    }),
  },
  { additionalProperties: false },
);
export type ResolveTestAlertInput = Static<typeof ResolveTestAlertInput>;

export const TestAlertResolutionSchema = Type.Object(
  {
    alertId: Type.String(),
    fingerprint: Type.String(),
    alreadyResolved: Type.Boolean({ description: 'it was resolved before this call: nothing was sent' }),
    incidentId: Type.Union([Type.String(), Type.Null()]),
    incidentStatus: Type.Union([IncidentStatusSchema, Type.Null()], {
      description: 'resolved when the integration resolves incidents on its own and no other alert fires in it',
    }),
  },
  { title: 'TestAlertResolution' },
);
export type TestAlertResolution = Static<typeof TestAlertResolutionSchema>;

/** The last episode of the test alert: the one a resolution closes. */
const selectTestAlert = `
  SELECT a.id, a.status, a.incident_id, i.status AS incident_status
    FROM alerts a LEFT JOIN incidents i ON i.id = a.incident_id
   WHERE a.integration_id = $1::uuid AND a.fingerprint = $2
   ORDER BY a.first_seen_at DESC LIMIT 1`;

type TestAlertRow = { id: string; status: string; incident_id: string | null; incident_status: IncidentStatus | null };

/**
 * Resolves a test alert (admin) the way its sender would: the matching `resolve` goes through the
 * same ingest path, so the integration's own rules apply — with auto-resolve (the default) its
 * incident is resolved when no other alert fires in it, else it stays open and says so. An
 * alert resolved already answers as it stands, with nothing sent and nothing audited.
 */
export async function resolveTestAlert({
  ctx,
  input,
  submit,
}: {
  ctx: Ctx;
  input: { id: string } & ResolveTestAlertInput;
  submit: SubmitAlerts;
}): Promise<TestAlertResolution> {
  requireRole(ctx, 'admin');
  const read = async (db: Ctx['db']) =>
    (await db.query<TestAlertRow>(selectTestAlert, [input.id, input.fingerprint])).rows[0];
  let before: TestAlertRow | undefined;
  const integration = await openTestSubmission(
    ctx,
    input.id,
    { action: 'integration.test_alert_resolve', details: { fingerprint: input.fingerprint } },
    async (tx) => {
      before = await read(tx.db);
      if (before === undefined) throw notFound('test alert', input.fingerprint);
      return before.status === 'firing';
    },
  );
  if (integration !== null) await submit({ integration, alerts: [testAlert(ctx, input.fingerprint, 'resolve')] });
  const after = (await read(ctx.db)) ?? before!;
  return {
    alertId: after.id,
    fingerprint: input.fingerprint,
    alreadyResolved: integration === null,
    incidentId: after.incident_id,
    incidentStatus: after.incident_status,
  };
}
