import type { Query } from './api';
import { openStatuses, type Incident, type IncidentStatus, type Severity } from './types';

/**
 * What the incident list shows. An empty set means "any": no chip pressed filters nothing.
 * The default is the open incidents, of any severity — what someone on call looks at first.
 */
export interface ListFilter {
  statuses: ReadonlySet<IncidentStatus>;
  severities: ReadonlySet<Severity>;
  /** One service's incidents (`/?service=payments`, the link a service's page gives), or all. */
  service: string | null;
}

export const defaultFilter: ListFilter = { statuses: new Set(openStatuses), severities: new Set(), service: null };

/** How many incidents one page asks for: more than anyone works at once. */
const pageSize = 200;

/** The list request's query for a filter (`status` and `severity` repeat for each value). */
export function filterQuery(filter: ListFilter): Query {
  return {
    status: filter.statuses.size === 0 ? undefined : [...filter.statuses],
    severity: filter.severities.size === 0 ? undefined : [...filter.severities],
    service: filter.service ?? undefined,
    limit: pageSize,
  };
}

export function matchesFilter(incident: Incident, filter: ListFilter): boolean {
  return (
    (filter.statuses.size === 0 || filter.statuses.has(incident.status)) &&
    (filter.severities.size === 0 || filter.severities.has(incident.severity)) &&
    (filter.service === null || incident.services.includes(filter.service))
  );
}

/** The set with `value` added, or removed if it was there (a chip press). */
export function toggled<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

/**
 * The list with a streamed incident in it. A known one is replaced where it stands — rows do not
 * jump under the pointer, even when it no longer matches the filter (it is shown as such until
 * the next load). A new one goes on top if the filter wants it. An older copy never replaces a
 * newer one (a slow fetch answering after a streamed change).
 */
export function upsertIncident(
  list: readonly Incident[],
  incident: Incident,
  filter: ListFilter,
): { list: Incident[]; added: boolean } {
  const index = list.findIndex((item) => item.id === incident.id);
  if (index >= 0) {
    const current = list[index]!;
    if (Date.parse(current.updatedAt) > Date.parse(incident.updatedAt)) return { list: [...list], added: false };
    const next = [...list];
    next[index] = incident;
    return { list: next, added: false };
  }
  if (!matchesFilter(incident, filter)) return { list: [...list], added: false };
  return { list: [incident, ...list], added: true };
}
