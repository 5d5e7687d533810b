import { Type, type Static } from 'typebox';
import { notFound } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { SeveritySchema } from '../../incidents/incident-model.js';
import { selectServiceIds } from '../pipeline/alert-statements.js';
import { loadSuppressions, type Suppression } from '../pipeline/load-suppressions.js';
import { planAlert } from '../pipeline/plan-alert.js';
import { effectiveSettings, IntegrationSettingsSchema, type IntegrationSettings } from '../integration-model.js';
import { integrationColumns, type IntegrationRow } from './integration-row.js';

const LabelsSchema = Type.Record(Type.String({ minLength: 1, maxLength: 200 }), Type.String({ maxLength: 2000 }));

export const ExplainAlertInput = Type.Object(
  {
    labels: LabelsSchema,
    annotations: Type.Optional(LabelsSchema),
    settings: Type.Optional(
      Type.Object(IntegrationSettingsSchema.properties, {
        additionalProperties: false,
        description: 'settings to try instead of the saved ones (the form before it is saved)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ExplainAlertInput = Static<typeof ExplainAlertInput>;

export const AlertExplanationSchema = Type.Object(
  {
    groupLabels: Type.Record(Type.String(), Type.String(), { description: 'the group-by labels it carries' }),
    ownGroup: Type.Boolean({ description: 'it carries none of the group-by labels: an incident of its own' }),
    severity: SeveritySchema,
    severityWord: Type.Union([Type.String(), Type.Null()], { description: 'the `severity` label, as read' }),
    severityFromMap: Type.Boolean({ description: 'false: the word is unknown (or missing), the default applies' }),
    serviceId: Type.Union([Type.String(), Type.Null()]),
    suppressedNow: Type.Union([Type.Unknown(), Type.Null()], {
      description: 'the silences, maintenance or inhibition that would mute it now; null: it would page',
    }),
  },
  { title: 'AlertExplanation' },
);
export type AlertExplanation = Static<typeof AlertExplanationSchema> & { suppressedNow: Suppression | null };

const selectIntegration = `SELECT ${integrationColumns} FROM integrations WHERE id = $1::uuid AND kind <> 'probe'`;

/**
 * What ingesting would make of an alert with these labels, without storing anything: its group,
 * priority, service, and whether a silence, maintenance or inhibition would mute it now. Planning
 * is the pipeline's own (`planAlert`), so the explanation cannot drift from what happens.
 */
export async function explainIntegrationAlert({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & ExplainAlertInput;
}): Promise<AlertExplanation> {
  requireRole(ctx, 'admin');
  // A transaction only for one snapshot: services, silences and maintenance read at one instant.
  return inTransaction(ctx, async (tx) => {
    const row = (await tx.db.query<IntegrationRow>(selectIntegration, [input.id])).rows[0];
    if (row === undefined) throw notFound('integration', input.id);
    const stored: IntegrationSettings = input.settings ?? row.settings;
    const services = new Set((await tx.db.query<{ id: string }>(selectServiceIds)).rows.map((service) => service.id));
    const severityWord = input.labels['severity'] ?? null;
    const integration = {
      id: row.id,
      name: row.name,
      kind: row.kind,
      serviceId: row.service_id,
      settings: effectiveSettings(stored),
      stored,
    };
    const planned = planAlert(
      integration,
      {
        fingerprint: 'explain',
        action: 'trigger',
        labels: input.labels,
        annotations: input.annotations ?? {},
        title: input.annotations?.['summary'] ?? input.labels['alertname'] ?? '',
        severity: severityWord,
        startsAt: null,
        endsAt: null,
        sourceUrl: null,
      },
      services,
    );
    const suppressions = await loadSuppressions(tx, tx.now(), [planned]);
    return {
      groupLabels: planned.groupLabels,
      ownGroup: planned.groupKey.startsWith('alert:'),
      severity: planned.severity,
      severityWord,
      severityFromMap: integration.settings.severityMap[severityWord?.trim().toLowerCase() ?? ''] !== undefined,
      serviceId: planned.serviceId,
      suppressedNow: suppressions.of(planned),
    };
  });
}
