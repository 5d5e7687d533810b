/**
 * The public status page: what customers may see of the incidents of the services marked public,
 * and nothing else — no timeline, no names, no commands, no internal titles. An incident is shown
 * by the services it affects, its impact, its times and the status updates posted as public.
 */

/** A component's state, as status pages word it (worst first). */
export const componentStatuses = ['major_outage', 'partial_outage', 'degraded_performance', 'operational'] as const;
export type ComponentStatus = (typeof componentStatuses)[number];

/** How an open incident of this severity affects its services; a mitigated incident only degrades them. */
export function impactOf(severity: string, status: string): ComponentStatus {
  if (status === 'resolved') return 'operational';
  if (status === 'mitigated') return 'degraded_performance';
  if (severity === 'P1') return 'major_outage';
  if (severity === 'P2') return 'partial_outage';
  return 'degraded_performance';
}

/** The worse of two states. */
export function worstOf(a: ComponentStatus, b: ComponentStatus): ComponentStatus {
  return componentStatuses.indexOf(a) <= componentStatuses.indexOf(b) ? a : b;
}

export interface PublicUpdate {
  at: string;
  phase: string;
  message: string;
}

export interface PublicIncident {
  id: string;
  /** The public services it affects, by name. */
  components: string[];
  impact: ComponentStatus;
  /** The phase of its latest public update (`investigating` until one says otherwise), `resolved` once resolved. */
  phase: string;
  startedAt: string;
  resolvedAt: string | null;
  updates: PublicUpdate[];
}

export interface ComponentDay {
  date: string;
  status: ComponentStatus;
}

export interface PublicComponent {
  id: string;
  name: string;
  description: string;
  status: ComponentStatus;
  /** The last 90 days, oldest first: each day's worst impact. */
  history: ComponentDay[];
  /** Percent of the 90 days' time without an open incident on it. */
  uptimePercent: number;
}

export interface StatusPage {
  generatedAt: string;
  /** The worst state of any component. */
  status: ComponentStatus;
  components: PublicComponent[];
  /** Open incidents first (newest first), then those resolved in the last 90 days. */
  incidents: PublicIncident[];
}
