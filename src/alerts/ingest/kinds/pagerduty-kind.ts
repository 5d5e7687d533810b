import type { IngestKindDefinition } from '../ingest-kind-definition.js';
import { pagerDutyErrorBody, parsePagerDutyEvent } from '../parse-pagerduty-event.js';

/**
 * PagerDuty Events API v2: the event's `routing_key` is the integration key. The event is read
 * before the key is looked at, as PagerDuty does (a malformed event is a 400 whatever its key),
 * and refusals are answered in PagerDuty's shape, which its client libraries show.
 */
export const pagerDutyKind: IngestKindDefinition = {
  routes: [{ method: 'POST', path: '/v2/enqueue' }],
  key: [{ in: 'body', field: 'routing_key' }],
  settings: [],
  receive: async (body, { open, store, now }) => {
    const event = parsePagerDutyEvent(body, now());
    await store(await open(), [event.alert]);
    return { status: 202, body: { status: 'success', message: 'Event processed', dedup_key: event.dedupKey } };
  },
  answerError: (error) => {
    if (error.code === 'validation_failed') return { status: 400, body: pagerDutyErrorBody(error) };
    if (error.code === 'unauthenticated')
      return {
        status: 401,
        body: { status: 'invalid event', message: 'Invalid routing key', errors: [error.message] },
      };
    return undefined;
  },
};
