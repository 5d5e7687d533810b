import { Type, type Static } from 'typebox';
import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';

export const DeliverySchema = Type.Object(
  {
    id: Type.String(),
    incidentId: Type.Union([Type.String(), Type.Null()]),
    userId: Type.Union([Type.String(), Type.Null()]),
    channelId: Type.String(),
    kind: Type.String(),
    recipient: Type.String(),
    status: Type.String(),
    attempts: Type.Integer(),
    lastError: Type.Union([Type.String(), Type.Null()]),
    updatedAt: Type.String({ format: 'date-time' }),
    sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { title: 'NotificationDelivery' },
);
export type Delivery = Static<typeof DeliverySchema>;

export const ListDeliveriesInput = Type.Object(
  {
    status: Type.Optional(Type.Enum(['pending', 'sending', 'sent', 'dead', 'unknown', 'skipped'])),
    incidentId: Type.Optional(Type.String()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
export type ListDeliveriesInput = Static<typeof ListDeliveriesInput>;

type DeliveryRow = {
  id: string;
  incident_id: string | null;
  user_id: string | null;
  channel_id: string;
  kind: string;
  recipient: string;
  status: string;
  attempts: number;
  last_error: string | null;
  updated_at: Date;
  sent_at: Date | null;
};

export const deliveryColumns =
  'id, incident_id, user_id, channel_id, kind, recipient, status, attempts, last_error, updated_at, sent_at';

export function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    incidentId: row.incident_id,
    userId: row.user_id,
    channelId: row.channel_id,
    kind: row.kind,
    recipient: row.recipient,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    updatedAt: row.updated_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
  };
}

/** Deliveries, most recently changed first: `status=dead` is the dead-letter list, `unknown` the ones a crash left unsure (admin). */
export async function listDeliveries({ ctx, input }: { ctx: Ctx; input: ListDeliveriesInput }): Promise<Delivery[]> {
  requireRole(ctx, 'admin');
  const { rows } = await ctx.db.query<DeliveryRow>(
    `SELECT ${deliveryColumns} FROM notification_deliveries WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR incident_id = $2) ORDER BY updated_at DESC, id LIMIT $3`,
    [input.status ?? null, input.incidentId ?? null, input.limit ?? 100],
  );
  return rows.map(toDelivery);
}
