import type { IncomingAlert, Labels } from '../../alerts/alert-model.js';
import { labelsFingerprint } from '../../alerts/ingest/alert-fingerprint.js';
import type { IngestIntegration } from '../../alerts/integrations/integration-keys.js';
import { loadIngestIntegrations } from '../../alerts/integrations/load-ingest-integrations.js';
import type { Queryable } from '../../storage/database.js';
import type { ProbeKind } from '../probe-kinds.js';

/** The integration probe alerts come in through (created by migration 010). */
export const probeIntegrationId = '00000000-0000-4000-8000-00000000a57e';

/** What of a probe its alerts carry. */
export interface AlertingProbe {
  id: string;
  name: string;
  kind: ProbeKind;
  serviceId: string | null;
  severity: string;
  labels: Labels;
}

/**
 * The labels of a probe's alert: its name as `alertname` (so its failures group into one
 * incident), the service (mapped by the pipeline), the severity, the probe's own labels (a
 * `runbook` label names the runbook), and for a Prometheus probe the series' labels, so each
 * failing series is an alert of its own, as in Prometheus.
 */
export function probeAlertLabels(probe: AlertingProbe, series: Labels = {}): Labels {
  const labels: Labels = {
    ...series,
    ...probe.labels,
    alertname: probe.name,
    probe: probe.name,
    probe_id: probe.id,
    probe_kind: probe.kind,
    severity: probe.severity.toLowerCase(),
  };
  if (probe.serviceId !== null) labels['service'] = probe.serviceId;
  return labels;
}

/** A probe's alert firing or resolving at `at`; `detail` says what failed (the failed conditions, the error). */
export function probeAlert(
  labels: Labels,
  action: 'trigger' | 'resolve',
  at: Date,
  detail: string,
  since: Date | null,
): IncomingAlert {
  const title = `${labels['alertname']}: ${detail}`.slice(0, 300);
  return {
    fingerprint: labelsFingerprint(labels),
    action,
    labels,
    annotations: { summary: title, description: detail },
    title,
    severity: labels['severity'] ?? null,
    startsAt: since ?? at,
    endsAt: action === 'resolve' ? at : null,
    sourceUrl: null,
  };
}

/** The probes' integration, as the alert pipeline needs it. */
export async function loadProbeIntegration(db: Queryable): Promise<IngestIntegration> {
  const integration = (await loadIngestIntegrations(db, [probeIntegrationId])).get(probeIntegrationId);
  if (integration === undefined) throw new Error('the probes integration is missing (migration 010) or disabled');
  return integration;
}
