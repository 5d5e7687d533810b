import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import { integrationKindNames } from '../ingest/ingest-kind-names.js';
import { endpointOf, ingestKinds } from '../ingest/ingest-kinds.js';
import type { IntegrationKindInfo } from '../integration-model.js';

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
