import { Type, type Static } from 'typebox';
import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import { kindSettings } from '../ingest/ingest-kind-definition.js';
import { endpointOf, ingestKinds, integrationKindNames } from '../ingest/ingest-kinds.js';
import { IntegrationKindSchema } from './integration-schema.js';

export const IntegrationKindInfoSchema = Type.Object(
  {
    kind: IntegrationKindSchema,
    endpoint: Type.String({ description: 'where senders of this kind call, relative to the server; {key}: the key' }),
    settings: Type.Array(Type.Enum(kindSettings), {
      description: 'the settings this kind needs (and only it has): a webhook its mapping, a heartbeat its period',
    }),
  },
  { title: 'IntegrationKindInfo' },
);
export type IntegrationKindInfo = Static<typeof IntegrationKindInfoSchema>;

/**
 * The kinds an integration can be, from the `ingestKinds` table (viewer): the console lists
 * these, and asks for the settings each needs, rather than keeping a copy that would drift.
 */
export function listIntegrationKinds({ ctx }: { ctx: Ctx }): IntegrationKindInfo[] {
  requireRole(ctx, 'viewer');
  return integrationKindNames.map((kind) => ({
    kind,
    endpoint: endpointOf(kind),
    settings: [...ingestKinds[kind].settings],
  }));
}
