// Type-only: the console reads the server's own shapes, and no server code reaches the bundle.
export type {
  CorrectiveAction,
  Measured,
  Postmortem,
  PostmortemSection,
  PostmortemSummary,
} from '../../../src/postmortems/postmortem-model.js';

export const actionStatuses = ['open', 'in-progress', 'done', 'cancelled'] as const;
export const actionTerms = ['short', 'medium', 'long'] as const;

/** Sections Astreinte writes from the timeline: their body is only a note under what it wrote. */
export const generatedKinds: readonly string[] = ['timeline', 'durations', 'actions'];

/** The API path of an incident's post-mortem. */
export function postmortemApiPath(incidentId: string): string {
  return `/api/v1/incidents/${encodeURIComponent(incidentId)}/postmortem`;
}

/** The console path of an incident's post-mortem page. */
export function postmortemPath(incidentId: string): string {
  return `/postmortems/${encodeURIComponent(incidentId)}`;
}
