import { recordAudit } from '../../audit/record-audit.js';
import { conflict, notFound } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';

// Locked first: a delivery being queued holds the row (its foreign key), so the count below stays true.
const lockChannel = `SELECT kind FROM notification_channels WHERE id = $1 FOR UPDATE`;
const countDeliveries = `SELECT count(*)::int AS count FROM notification_deliveries WHERE channel_id = $1`;
const deleteChannelRow = `DELETE FROM notification_channels WHERE id = $1`;

/**
 * Deletes a notification channel nothing was sent through yet (admin). One with deliveries on
 * record is refused (409): they are incidents' history, and name it; disabling it
 * (`enabled: false`) stops its use just as well.
 */
export async function deleteChannel({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<void> {
  requireRole(ctx, 'admin');
  await inTransaction(ctx, async (tx) => {
    const { rows } = await tx.db.query<{ kind: string }>(lockChannel, [input.id]);
    if (rows[0] === undefined) throw notFound('notification channel', input.id);
    const { rows: counted } = await tx.db.query<{ count: number }>(countDeliveries, [input.id]);
    const deliveries = counted[0]?.count ?? 0;
    if (deliveries > 0)
      throw conflict(
        `notification channel ${input.id} has ${deliveries} deliveries on record: disable it instead (enabled: false)`,
        { deliveries },
      );
    await tx.db.query(deleteChannelRow, [input.id]);
    await recordAudit(tx, {
      action: 'notification_channel.delete',
      targetType: 'notification_channel',
      targetId: input.id,
      details: { kind: rows[0].kind },
    });
  });
}
