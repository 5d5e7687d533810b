import type { Ctx } from '../core/context.js';
import { changeIncidentStatus, type StatusChangeInput } from './change-incident-status.js';
import type { Incident } from './incident-model.js';

/** Reopens a resolved incident: it goes back to triggered and a new cycle starts. */
export function reopenIncident({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & StatusChangeInput;
}): Promise<Incident> {
  const { id, ...rest } = input;
  return changeIncidentStatus(ctx, id, 'reopen', rest);
}
