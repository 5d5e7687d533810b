import { Type, type Static } from 'typebox';

/**
 * Probes: checks Astreinte runs itself against a service (what every runbook starts with by hand:
 * `curl -f …/health`, `pg_isready`, `redis-cli ping`, a certificate's expiry, a PromQL query).
 * Each kind has a target (what to reach and how) and yields an `Observation`: named values the
 * probe's conditions (`[STATUS] == 200`, see conditions/) are evaluated against.
 */
export const probeKinds = ['http', 'tcp', 'tls', 'dns', 'postgres', 'redis', 'prometheus'] as const;
export type ProbeKind = (typeof probeKinds)[number];

/** Marks a credential: sealed at rest, shown as `********` (as channel secrets are). */
const secret = { writeOnly: true, 'x-secret': true } as const;
const host = Type.String({
  minLength: 1,
  maxLength: 253,
  pattern: '^[^\\s/]+$',
  description: 'host name or IP address',
});
const port = Type.Integer({ minimum: 1, maximum: 65_535 });
// An HTTP token (RFC 9110) and a value without line breaks: checked when saved, not when sent.
const headerName = Type.String({ pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$" });
const headerValue = Type.String({ pattern: '^[^\\r\\n\\u0000]*$', maxLength: 4000 });

/** How certificates are checked: the system's CAs, or the PEM given here; `insecure` skips the check (the expiry is still read). */
export const TlsOptionsSchema = Type.Object(
  {
    insecure: Type.Optional(
      Type.Boolean({ description: 'accept any certificate (self-signed, expired); its expiry is still observed' }),
    ),
    ca: Type.Optional(
      Type.String({
        maxLength: 100_000,
        description: 'PEM certificates trusted for this probe, instead of the system ones',
      }),
    ),
    serverName: Type.Optional(
      Type.String({ maxLength: 253, description: 'SNI and name checked, when it differs from the host' }),
    ),
  },
  { additionalProperties: false },
);
export type TlsOptions = Static<typeof TlsOptionsSchema>;

export const HttpTargetSchema = Type.Object(
  {
    kind: Type.Literal('http'),
    url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 }),
    method: Type.Optional(Type.Enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const)),
    headers: Type.Optional(Type.Record(headerName, headerValue, { maxProperties: 50 })),
    /** Secret headers (`Authorization: Bearer …`): sealed at rest. */
    secretHeaders: Type.Optional(
      Type.Record(headerName, Type.String({ ...secret, maxLength: 4000 }), { maxProperties: 20 }),
    ),
    body: Type.Optional(Type.String({ maxLength: 100_000 })),
    /** Redirects followed (to http and https only); 0 observes the redirect itself. Default 5. */
    maxRedirects: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
    tls: Type.Optional(TlsOptionsSchema),
  },
  { additionalProperties: false, title: 'HttpTarget' },
);

export const TcpTargetSchema = Type.Object(
  { kind: Type.Literal('tcp'), host, port },
  { additionalProperties: false, title: 'TcpTarget' },
);

export const TlsTargetSchema = Type.Object(
  { kind: Type.Literal('tls'), host, port, tls: Type.Optional(TlsOptionsSchema) },
  { additionalProperties: false, title: 'TlsTarget' },
);

export const dnsRecordTypes = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SRV'] as const;
export const DnsTargetSchema = Type.Object(
  {
    kind: Type.Literal('dns'),
    name: Type.String({ minLength: 1, maxLength: 253 }),
    recordType: Type.Optional(Type.Enum(dnsRecordTypes)),
    /** The resolver asked (`10.0.0.2`, `127.0.0.1:5353`); default: the system's. */
    server: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  },
  { additionalProperties: false, title: 'DnsTarget' },
);

export const PostgresTargetSchema = Type.Object(
  {
    kind: Type.Literal('postgres'),
    /** `postgres://user:password@host:port/db`: sealed at rest (it holds the password). */
    url: Type.String({ ...secret, pattern: '^postgres(ql)?://', maxLength: 2000 }),
    /** Run after connecting; default `SELECT 1`. Runs in a read-only transaction. */
    query: Type.Optional(Type.String({ minLength: 1, maxLength: 10_000 })),
  },
  { additionalProperties: false, title: 'PostgresTarget' },
);

export const RedisTargetSchema = Type.Object(
  {
    kind: Type.Literal('redis'),
    /** `redis://[:password@]host:port[/db]` or `rediss://…`: sealed at rest. */
    url: Type.String({ ...secret, pattern: '^rediss?://', maxLength: 2000 }),
  },
  { additionalProperties: false, title: 'RedisTarget' },
);

export const PrometheusTargetSchema = Type.Object(
  {
    kind: Type.Literal('prometheus'),
    /** The Prometheus HTTP API base (`http://prometheus:9090`); default: the server's `ASTREINTE_PROMETHEUS_URL`. */
    url: Type.Optional(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 })),
    /** PromQL. As in a Prometheus alerting rule, every series it returns is active (so `up == 0`, not `up`), unless conditions on `[VALUE]` decide. */
    query: Type.String({ minLength: 1, maxLength: 10_000 }),
    secretHeaders: Type.Optional(
      Type.Record(headerName, Type.String({ ...secret, maxLength: 4000 }), { maxProperties: 20 }),
    ),
  },
  { additionalProperties: false, title: 'PrometheusTarget' },
);

export const ProbeTargetSchema = Type.Union([
  HttpTargetSchema,
  TcpTargetSchema,
  TlsTargetSchema,
  DnsTargetSchema,
  PostgresTargetSchema,
  RedisTargetSchema,
  PrometheusTargetSchema,
]);
export type ProbeTarget = Static<typeof ProbeTargetSchema>;
export type HttpTarget = Static<typeof HttpTargetSchema>;
export type TcpTarget = Static<typeof TcpTargetSchema>;
export type TlsTarget = Static<typeof TlsTargetSchema>;
export type DnsTarget = Static<typeof DnsTargetSchema>;
export type PostgresTarget = Static<typeof PostgresTargetSchema>;
export type RedisTarget = Static<typeof RedisTargetSchema>;
export type PrometheusTarget = Static<typeof PrometheusTargetSchema>;

/**
 * The values a check observed, by placeholder name without brackets (`STATUS`, `RESPONSE_TIME`,
 * `BODY`, `INFO`…). Numbers are plain numbers; durations are milliseconds (`RESPONSE_TIME`,
 * `CERTIFICATE_EXPIRATION`); structured values (`INFO`, `RESULT`, a JSON body) are reached by
 * paths in conditions (`[INFO].used_memory`, `[BODY].database`, `$.database`).
 */
export type ObservedValues = Record<string, unknown>;

/** What one check saw. */
export interface Observation {
  /** Whether the target answered at all (connected, got a response); conditions decide the rest. */
  reached: boolean;
  /** Wall time of the check, in milliseconds. */
  latencyMs: number;
  values: ObservedValues;
  /** Why the target could not be reached (`ECONNREFUSED 127.0.0.1:5432`, `timeout after 5000 ms`), else null. */
  error: string | null;
}

/** One series of a Prometheus query result: its labels and value. */
export interface PrometheusSeries {
  labels: Record<string, string>;
  value: number;
}

/** A Prometheus check: the series returned (each one checked as an alert of its own), or why the query failed. */
export interface PrometheusObservation extends Observation {
  series: PrometheusSeries[];
}

/** What every check is given: its time budget and a signal aborted when the runner stops. */
export interface CheckOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * The placeholders each kind fills, for validating conditions when a probe is saved. Every kind
 * also has `CONNECTED` (boolean: `reached`, unless the check says more precisely, e.g. authenticated) and `RESPONSE_TIME` (ms).
 */
export const kindPlaceholders: Readonly<Record<ProbeKind, readonly string[]>> = {
  http: ['CONNECTED', 'RESPONSE_TIME', 'STATUS', 'BODY', 'HEADERS', 'CERTIFICATE_EXPIRATION', 'IP'],
  tcp: ['CONNECTED', 'RESPONSE_TIME', 'IP'],
  tls: [
    'CONNECTED',
    'RESPONSE_TIME',
    'CERTIFICATE_EXPIRATION',
    'CERTIFICATE_VALID',
    'CERTIFICATE_ERROR',
    'CERTIFICATE_SUBJECT',
    'CERTIFICATE_ISSUER',
    'IP',
  ],
  dns: ['CONNECTED', 'RESPONSE_TIME', 'DNS_RCODE', 'DNS_ANSWERS', 'BODY'],
  postgres: [
    'CONNECTED',
    'RESPONSE_TIME',
    'RESULT',
    'ROW',
    'ROWS',
    'QUERY_ERROR',
    'CONNECTIONS',
    'CONNECTION_STATES',
    'MAX_CONNECTIONS',
  ],
  redis: ['CONNECTED', 'RESPONSE_TIME', 'PING', 'INFO'],
  prometheus: ['CONNECTED', 'RESPONSE_TIME', 'SERIES', 'VALUE', 'LABELS'],
};
