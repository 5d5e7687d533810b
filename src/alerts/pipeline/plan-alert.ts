import type { Severity } from '../../incidents/incident-model.js';
import type { IncomingAlert } from '../alert-model.js';
import type { IngestIntegration } from '../integrations/integration-keys.js';
import { alertGroupOf } from './alert-group-key.js';

/** An incoming alert with what its integration's settings make of it. */
export interface PlannedAlert {
  integration: IngestIntegration;
  alert: IncomingAlert;
  severity: Severity;
  serviceId: string | null;
  /** Alerts of one integration with the same key feed one incident. */
  groupKey: string;
  /** The group-by labels and their values, given to the incident as its labels. */
  groupLabels: Record<string, string>;
}

/**
 * Maps an alert's severity word and labels to a priority, a service and a group. The service is
 * the first of the service labels whose value the catalogue knows (or the service map maps),
 * else the integration's own; the group is `alertGroupOf`'s.
 */
export function planAlert(
  integration: IngestIntegration,
  alert: IncomingAlert,
  services: ReadonlySet<string>,
): PlannedAlert {
  const { settings } = integration;
  const word = alert.severity?.trim().toLowerCase() ?? '';
  const severity = settings.severityMap[word] ?? settings.defaultSeverity;
  let serviceId = integration.serviceId;
  for (const label of settings.serviceLabels) {
    const value = alert.labels[label];
    if (value === undefined) continue;
    const mapped = settings.serviceMap[value] ?? (services.has(value) ? value : undefined);
    if (mapped !== undefined) {
      serviceId = mapped;
      break;
    }
  }
  const { groupKey, groupLabels } = alertGroupOf(settings, alert);
  return { integration, alert, severity, serviceId, groupKey, groupLabels };
}

const order: readonly Severity[] = ['P1', 'P2', 'P3', 'P4'];

/** The more urgent of two priorities (P1 before P4). */
export function mostUrgent(a: Severity, b: Severity): Severity {
  return order.indexOf(a) <= order.indexOf(b) ? a : b;
}
