import { Type, type Static } from 'typebox';
import { runRedisCheck } from '../checks/redis-check.js';
import { defineProbeKind } from './probe-kind-definition.js';
import { secret } from './target-fields.js';

export const RedisTargetSchema = Type.Object(
  {
    kind: Type.Literal('redis'),
    /** `redis://[:password@]host:port[/db]` or `rediss://…`: sealed at rest. */
    url: Type.String({ ...secret, pattern: '^rediss?://', maxLength: 2000 }),
  },
  { additionalProperties: false, title: 'RedisTarget' },
);
export type RedisTarget = Static<typeof RedisTargetSchema>;

/** `redis-cli ping` and `INFO`. */
export const redisProbe = defineProbeKind({
  label: 'Redis',
  target: RedisTargetSchema,
  check: (target, options) => runRedisCheck(target, options),
  secretFields: { url: 'url' },
  placeholders: ['CONNECTED', 'RESPONSE_TIME', 'PING', 'INFO'],
  defaultConditions: ['[PING] == PONG'],
});
