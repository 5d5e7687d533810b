import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { validationError } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { assertServicesExist } from '../services/assert-services-exist.js';
import { assertActiveUser } from '../users/assert-active-user.js';
import { appendIncidentEvent } from './append-incident-event.js';
import { LabelsSchema, SeveritySchema, type Incident } from './incident-model.js';
import {
  insertIncident,
  insertIncidentService,
  nextIncidentNumber,
  upsertIncidentRole,
} from './incident-statements.js';
import { loadIncident } from './load-incident.js';
import { scheduleTimer } from '../jobs/schedule-timer.js';
import { incidentOpenedTimerId, timerKinds } from '../jobs/timer-kinds.js';

export const DeclareIncidentInput = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    summary: Type.Optional(Type.String({ maxLength: 20_000 })),
    impact: Type.Optional(Type.String({ maxLength: 20_000 })),
    severity: Type.Optional(SeveritySchema),
    services: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { maxItems: 100, uniqueItems: true })),
    labels: Type.Optional(LabelsSchema),
    commanderId: Type.Optional(Type.String({ format: 'uuid' })),
    detectedAt: Type.Optional(
      Type.String({ format: 'date-time', description: 'when the problem was first seen; default now' }),
    ),
  },
  { additionalProperties: false },
);
export type DeclareIncidentInput = Static<typeof DeclareIncidentInput>;

/** Opens a new incident in status triggered, its timeline starting with `incident_declared`. */
export async function declareIncident({ ctx, input }: { ctx: Ctx; input: DeclareIncidentInput }): Promise<Incident> {
  requireRole(ctx, 'responder');
  const now = ctx.now();
  const detectedAt = input.detectedAt === undefined ? now : new Date(input.detectedAt);
  if (detectedAt.getTime() > now.getTime() + 60_000) {
    throw validationError('detectedAt is in the future', [
      { path: '/detectedAt', message: 'must not be in the future' },
    ]);
  }
  const services = input.services ?? [];
  return inTransaction(ctx, async (tx) => {
    await assertServicesExist(tx.db, services, '/services');
    const commander =
      input.commanderId === undefined ? null : await assertActiveUser(tx.db, input.commanderId, '/commanderId');
    const { rows } = await tx.db.query<{ number: number }>(nextIncidentNumber);
    const number = rows[0]!.number;
    const id = `INC-${number}`;
    const fields = {
      title: input.title,
      summary: input.summary ?? '',
      impact: input.impact ?? '',
      severity: input.severity ?? 'P3',
      labels: input.labels ?? {},
    };
    await tx.db.query(insertIncident, [
      id,
      number,
      fields.title,
      fields.summary,
      fields.impact,
      fields.severity,
      JSON.stringify(fields.labels),
      detectedAt,
      now,
    ]);
    for (const service of services) await tx.db.query(insertIncidentService, [id, service]);
    await appendIncidentEvent(tx, id, {
      type: 'incident_declared',
      payload: {
        ...fields,
        status: 'triggered',
        services: [...services].sort(),
        detectedAt: detectedAt.toISOString(),
      },
    });
    if (commander !== null) {
      await tx.db.query(upsertIncidentRole, [id, 'commander', commander.id, now]);
      await appendIncidentEvent(tx, id, {
        type: 'role_assigned',
        payload: {
          role: 'commander',
          userId: commander.id,
          name: commander.name,
          previous: null,
        },
      });
    }
    // On-call picks the incident up from here (escalation), on whichever node is free.
    await scheduleTimer(tx.db, {
      id: incidentOpenedTimerId(id),
      kind: timerKinds.incidentOpened,
      dueAt: now,
      payload: { incidentId: id },
    });
    await recordAudit(tx, {
      action: 'incident.declare',
      targetType: 'incident',
      targetId: id,
      details: { severity: fields.severity },
    });
    return loadIncident(tx.db, id, now);
  });
}
