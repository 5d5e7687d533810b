import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import { channelColumns, toChannelRecord, type ChannelRecord, type ChannelRow } from './channel-record.js';

/** Every notification channel, secrets redacted (admin: even redacted, configurations say where pages go). */
export async function listChannels({ ctx }: { ctx: Ctx }): Promise<ChannelRecord[]> {
  requireRole(ctx, 'admin');
  const { rows } = await ctx.db.query<ChannelRow>(`SELECT ${channelColumns} FROM notification_channels ORDER BY id`);
  return rows.map(toChannelRecord);
}
