import type { Actor } from '../../core/actor.js';
import type { IngestIntegration } from '../integrations/integration-keys.js';

/** Who acts when an integration's alerts open, change or resolve incidents. */
export function integrationActor(integration: IngestIntegration): Actor {
  return { type: 'integration', id: integration.id, name: integration.name };
}
