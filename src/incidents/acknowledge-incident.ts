import type { Ctx } from '../core/context.js';
import { changeIncidentStatus, type StatusChangeInput } from './change-incident-status.js';
import type { Incident } from './incident-model.js';

/** Acknowledges an incident: someone is on it (triggered → acknowledged). */
export function acknowledgeIncident({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & StatusChangeInput;
}): Promise<Incident> {
  const { id, ...rest } = input;
  return changeIncidentStatus(ctx, id, 'acknowledge', rest);
}
