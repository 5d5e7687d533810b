import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { conflict } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import {
  assertOwnerTeam,
  MinutesOrNullSchema,
  selectServiceColumns,
  ServiceIdSchema,
  ServiceTagsSchema,
  toService,
  type Service,
  type ServiceRow,
} from './service-model.js';

export const CreateServiceInput = Type.Object(
  {
    id: ServiceIdSchema,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    ownerTeamId: Type.Optional(Type.Union([Type.String({ minLength: 1 }), Type.Null()])),
    rtoMinutes: Type.Optional(MinutesOrNullSchema),
    rpoMinutes: Type.Optional(MinutesOrNullSchema),
    tags: Type.Optional(ServiceTagsSchema),
    public: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateServiceInput = Static<typeof CreateServiceInput>;

const insertService = `
  INSERT INTO services (id, name, description, owner_team_id, rto_minutes, rpo_minutes, tags, public, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9, $9)`;

/** Adds a service to the catalogue (admin); its id is chosen once and never changes. */
export async function createService({ ctx, input }: { ctx: Ctx; input: CreateServiceInput }): Promise<Service> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const existing = await tx.db.query('SELECT 1 FROM services WHERE id = $1', [input.id]);
    if (existing.rows.length > 0) throw conflict(`service ${input.id} already exists`, { id: input.id });
    const ownerTeamId = input.ownerTeamId ?? null;
    await assertOwnerTeam(tx.db, ownerTeamId);
    await tx.db.query(insertService, [
      input.id,
      input.name,
      input.description ?? '',
      ownerTeamId,
      input.rtoMinutes ?? null,
      input.rpoMinutes ?? null,
      input.tags ?? [],
      input.public ?? false,
      tx.now(),
    ]);
    await recordAudit(tx, {
      action: 'service.create',
      targetType: 'service',
      targetId: input.id,
      details: { name: input.name },
    });
    const { rows } = await tx.db.query<ServiceRow>(`${selectServiceColumns} WHERE id = $1`, [input.id]);
    return toService(rows[0]!);
  });
}
