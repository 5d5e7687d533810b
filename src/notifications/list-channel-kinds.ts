import { Type, type Static } from 'typebox';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { channelKind, channelKindNames, ChannelKindSchema } from './channel-kinds.js';
import { channelSecretPaths } from './channel-secrets.js';

/** A kind as the console offers it (`GET /api/v1/notification-channels/kinds`), read from its row. */
export const ChannelKindInfoSchema = Type.Object(
  {
    kind: ChannelKindSchema,
    label: Type.String(),
    contact: Type.String({ description: "which of the paged person's contacts a message goes to" }),
    schema: Type.Record(Type.String(), Type.Unknown(), {
      description: 'JSON Schema of the configuration; credentials marked x-secret (write-only)',
    }),
    secretPaths: Type.Array(Type.String(), { description: 'JSON Pointers of the credentials' }),
  },
  { title: 'NotificationChannelKind' },
);
export type ChannelKindInfo = Static<typeof ChannelKindInfoSchema>;

/**
 * The kinds a notification channel can be, from the `channelKinds` table (admin, as the channels
 * are): the console builds its form from each configuration schema rather than keeping a copy,
 * so a new kind needs no console change.
 */
export function listChannelKinds({ ctx }: { ctx: Ctx }): ChannelKindInfo[] {
  requireRole(ctx, 'admin');
  return channelKindNames.map((kind) => {
    const row = channelKind(kind);
    // A plain copy: the TypeBox schema object also carries symbol keys and functions-free internals.
    const schema = JSON.parse(JSON.stringify(row.schema)) as Record<string, unknown>;
    return { kind, label: row.label, contact: row.contact, schema, secretPaths: [...channelSecretPaths[kind]] };
  });
}
