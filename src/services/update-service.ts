import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { notFound, validationError } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import {
  assertOwnerTeam,
  MinutesOrNullSchema,
  selectServiceColumns,
  ServiceTagsSchema,
  toService,
  type Service,
  type ServiceRow,
} from './service-model.js';

export const UpdateServiceInput = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    ownerTeamId: Type.Optional(
      Type.Union([Type.String({ minLength: 1 }), Type.Null()], { description: 'null removes the owner' }),
    ),
    rtoMinutes: Type.Optional(MinutesOrNullSchema),
    rpoMinutes: Type.Optional(MinutesOrNullSchema),
    tags: Type.Optional(ServiceTagsSchema),
    public: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateServiceInput = Static<typeof UpdateServiceInput>;

const lockService = `${selectServiceColumns} WHERE id = $1 FOR UPDATE`;

const updateServiceRow = `
  UPDATE services
     SET name = $2, description = $3, owner_team_id = $4, rto_minutes = $5, rpo_minutes = $6, tags = $7::text[], public = $8, updated_at = $9
   WHERE id = $1
  RETURNING id, name, description, owner_team_id, rto_minutes, rpo_minutes, tags, public, created_at, updated_at`;

/** Changes a service's description, owner, objectives, tags or visibility (admin); fields not sent keep their value. */
export async function updateService({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & UpdateServiceInput;
}): Promise<Service> {
  requireRole(ctx, 'admin');
  const { id, ...changes } = input;
  if (Object.keys(changes).length === 0)
    throw validationError('nothing to change', [{ path: '/', message: 'send at least one field' }]);
  return inTransaction(ctx, async (tx) => {
    const current = (await tx.db.query<ServiceRow>(lockService, [id])).rows[0];
    if (current === undefined) throw notFound('service', id);
    // `undefined` (not sent) keeps the value; `null` (sent) clears it.
    const ownerTeamId = changes.ownerTeamId === undefined ? current.owner_team_id : changes.ownerTeamId;
    if (changes.ownerTeamId !== undefined) await assertOwnerTeam(tx.db, ownerTeamId);
    const { rows } = await tx.db.query<ServiceRow>(updateServiceRow, [
      id,
      changes.name ?? current.name,
      changes.description ?? current.description,
      ownerTeamId,
      changes.rtoMinutes === undefined ? current.rto_minutes : changes.rtoMinutes,
      changes.rpoMinutes === undefined ? current.rpo_minutes : changes.rpoMinutes,
      changes.tags ?? current.tags,
      changes.public ?? current.public,
      tx.now(),
    ]);
    await recordAudit(tx, {
      action: 'service.update',
      targetType: 'service',
      targetId: id,
      details: { fields: Object.keys(changes) },
    });
    return toService(rows[0]!);
  });
}
