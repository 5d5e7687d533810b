/** One INFO value: a number, a string, or the fields of a `k=v,k=v` value. */
export type RedisInfoValue = number | string | Record<string, number | string>;

// Plain decimals only: `00000000` (redis_git_sha1) and `1e5…` (a run id) stay strings.
const decimal = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
// `keys=1,expires=0,avg_ttl=0` (keyspace), `ip=10.0.0.2,port=6379,state=online` (replicas), `calls=3,usec=12` (command stats).
const fieldList = /^[a-z_][\w-]*=[^,]*(?:,[a-z_][\w-]*=[^,]*)*$/i;

/**
 * Parses the text of `INFO` into one flat object of its `key:value` lines (section headers
 * dropped): `{ used_memory: 1048576, maxmemory: 0, role: 'master', db0: { keys: 1, expires: 0,
 * avg_ttl: 0 } }`. Numbers become numbers; `maxmemory: 0` is Redis's "unlimited", kept as is.
 */
export function parseRedisInfo(text: string): Record<string, RedisInfoValue> {
  const info: Record<string, RedisInfoValue> = {};
  for (const line of text.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    info[line.slice(0, colon)] = parseInfoValue(line.slice(colon + 1));
  }
  return info;
}

function parseInfoValue(value: string): RedisInfoValue {
  if (decimal.test(value)) return Number(value);
  if (!fieldList.test(value)) return value;
  const fields: Record<string, number | string> = {};
  for (const pair of value.split(',')) {
    const equals = pair.indexOf('=');
    const field = pair.slice(equals + 1);
    fields[pair.slice(0, equals)] = decimal.test(field) ? Number(field) : field;
  }
  return fields;
}
