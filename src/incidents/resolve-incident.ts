import type { Ctx } from '../core/context.js';
import { changeIncidentStatus, type StatusChangeInput } from './change-incident-status.js';
import type { Incident } from './incident-model.js';

/** Resolves an incident (from triggered, acknowledged or mitigated). */
export function resolveIncident({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & StatusChangeInput;
}): Promise<Incident> {
  const { id, ...rest } = input;
  return changeIncidentStatus(ctx, id, 'resolve', rest);
}
