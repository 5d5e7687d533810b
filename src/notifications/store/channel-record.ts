import { Type, type Static } from 'typebox';
import type { BreakerState } from '../circuit-breaker.js';
import { ChannelConfigSchema, ChannelKindSchema, type ChannelConfig, type ChannelKind } from '../channel-kinds.js';
import { redactChannelConfig, redactedSecret } from '../channel-secrets.js';
import { slugIdSchema } from '../../core/slug-id.js';

export const ChannelIdSchema = slugIdSchema('smtp', 'ops-slack');

type SchemaNode = {
  properties?: Record<string, SchemaNode>;
  anyOf?: SchemaNode[];
  description?: string;
  'x-secret'?: boolean;
};

/**
 * Any kind's configuration as a PUT may send it: each credential may also be `********`, "keep the
 * stored one" (what the API shows instead). Without this, a credential's own rules — the webhook
 * secret's 16 characters — refuse the redacted value an edit sends back. A plain JSON Schema copy
 * (the validator and OpenAPI read JSON Schema), typed as the schema it extends.
 */
function acceptingRedactedSecrets<S>(schema: S): S {
  const copy = JSON.parse(JSON.stringify(schema)) as SchemaNode;
  const visit = (node: SchemaNode): void => {
    for (const branch of node.anyOf ?? []) visit(branch);
    for (const [name, property] of Object.entries(node.properties ?? {})) {
      if (property['x-secret'] === true)
        node.properties![name] = {
          writeOnly: true,
          'x-secret': true,
          ...(property.description === undefined ? {} : { description: property.description }),
          anyOf: [property, { type: 'string', const: redactedSecret }],
        } as SchemaNode;
      else visit(property);
    }
  };
  visit(copy);
  return copy as S;
}

export const PutChannelInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    config: acceptingRedactedSecrets(ChannelConfigSchema),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type PutChannelInput = Static<typeof PutChannelInput>;

export const ChannelRecordSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    kind: ChannelKindSchema,
    config: Type.Record(Type.String(), Type.Unknown(), { description: 'secrets shown as ********' }),
    enabled: Type.Boolean(),
    breaker: Type.Record(Type.String(), Type.Unknown()),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'NotificationChannel' },
);
export type ChannelRecord = Static<typeof ChannelRecordSchema>;

export interface ChannelRow {
  [column: string]: unknown;
  id: string;
  kind: ChannelKind;
  name: string;
  /** Secret fields sealed with the server's key. */
  config: ChannelConfig;
  breaker: BreakerState;
  enabled: boolean;
  updated_at: Date;
}

export const channelColumns = 'id, kind, name, config, breaker, enabled, updated_at';

/** A channel as the API shows it: secrets redacted (they are sealed at rest anyway). */
export function toChannelRecord(row: ChannelRow): ChannelRecord {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    config: redactChannelConfig(row.config),
    enabled: row.enabled,
    breaker: row.breaker,
    updatedAt: row.updated_at.toISOString(),
  };
}
