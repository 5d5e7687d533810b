import type { Ctx } from '../core/context.js';
import { changeIncidentStatus, type StatusChangeInput } from './change-incident-status.js';
import type { Incident } from './incident-model.js';

/** Marks an incident mitigated: the impact has stopped, the cause may remain (acknowledged → mitigated). */
export function mitigateIncident({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & StatusChangeInput;
}): Promise<Incident> {
  const { id, ...rest } = input;
  return changeIncidentStatus(ctx, id, 'mitigate', rest);
}
