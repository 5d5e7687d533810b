import type { HealthReason, ServiceHealth } from './service-summary-model.js';

/** An unresolved incident affecting a service, as health reads it. */
export interface OpenIncidentFact {
  id: string;
  title: string;
  severity: string;
  status: string;
}

/** A probe of the service, as health reads it. */
export interface ProbeFact {
  id: string;
  name: string;
  severity: string;
  status: string;
  enabled: boolean;
}

const rank: Record<ServiceHealth, number> = { operational: 0, degraded: 1, down: 2 };

/**
 * What one incident makes a service, as the public status page reads severities: an open P1
 * still hurting (not mitigated) is down; anything else open is degraded.
 */
function incidentHealth(incident: OpenIncidentFact): ServiceHealth {
  return incident.severity === 'P1' && incident.status !== 'mitigated' ? 'down' : 'degraded';
}

/**
 * What one probe makes a service: down is down; flapping or pending (failing, not for long
 * enough yet) is degraded; up, unknown (never checked) and disabled probes say nothing.
 */
function probeHealth(probe: ProbeFact): ServiceHealth {
  if (!probe.enabled) return 'operational';
  if (probe.status === 'down') return 'down';
  return probe.status === 'flapping' || probe.status === 'pending' ? 'degraded' : 'operational';
}

/** A service's health and every reason for it, worst first (incidents before probes at equal weight). */
export function serviceHealth(
  incidents: readonly OpenIncidentFact[],
  probes: readonly ProbeFact[],
): { health: ServiceHealth; reasons: HealthReason[] } {
  const reasons: HealthReason[] = [
    ...incidents.map((incident): HealthReason => ({
      kind: 'incident',
      health: incidentHealth(incident),
      id: incident.id,
      title: incident.title,
      severity: incident.severity,
      status: incident.status,
    })),
    ...probes.flatMap((probe): HealthReason[] => {
      const health = probeHealth(probe);
      return health === 'operational'
        ? []
        : [{ kind: 'probe', health, id: probe.id, title: probe.name, severity: probe.severity, status: probe.status }];
    }),
  ];
  // A stable sort: within a weight, incidents keep their order (severity, then newest).
  reasons.sort((a, b) => rank[b.health] - rank[a.health]);
  const health = reasons[0]?.health ?? 'operational';
  return { health, reasons };
}
