import { pingHeartbeat } from '../../heartbeats/ping-heartbeat.js';
import type { IngestKindDefinition } from '../ingest-kind-definition.js';

/**
 * A job's heartbeat: cron jobs call a URL, so the key is in it (`curl -fsS …/integrations/heartbeat/KEY`),
 * by GET or POST, body ignored. Its `heartbeat` setting says how often it must call.
 */
export const heartbeatKind: IngestKindDefinition = {
  routes: [
    { method: 'GET', path: '/integrations/heartbeat/:key' },
    { method: 'POST', path: '/integrations/heartbeat/:key' },
  ],
  key: [{ in: 'path', name: 'key' }],
  settings: ['heartbeat'],
  // Never refused when the node cannot keep up (it does not `store`, where the throttle is): a
  // ping is one tiny write, and a ping refused during a storm would page people for a job that ran.
  receive: async (_body, { open, systemCtx, catalogue }) => {
    const integration = await open();
    const ping = await pingHeartbeat({ ctx: systemCtx(), integration, catalogue });
    return { status: 200, body: { status: 'up', ...ping } };
  },
};
