import { Type, type Static } from 'typebox';
import { runHttpCheck } from '../checks/http-check.js';
import { defineProbeKind } from './probe-kind-definition.js';
import { headerName, headerValue, secretHeaders, TlsOptionsSchema } from './target-fields.js';

export const HttpTargetSchema = Type.Object(
  {
    kind: Type.Literal('http'),
    url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 }),
    method: Type.Optional(Type.Enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const)),
    headers: Type.Optional(Type.Record(headerName, headerValue, { maxProperties: 50 })),
    /** Secret headers (`Authorization: Bearer …`): sealed at rest. */
    secretHeaders,
    body: Type.Optional(Type.String({ maxLength: 100_000 })),
    /** Redirects followed (to http and https only); 0 observes the redirect itself. Default 5. */
    maxRedirects: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
    tls: Type.Optional(TlsOptionsSchema),
  },
  { additionalProperties: false, title: 'HttpTarget' },
);
export type HttpTarget = Static<typeof HttpTargetSchema>;

/** `curl -f …/health`: the status, body, headers and certificate of one HTTP(S) request. */
export const httpProbe = defineProbeKind({
  label: 'HTTP(S)',
  target: HttpTargetSchema,
  check: (target, options) => runHttpCheck(target, options),
  secretFields: { secretHeaders: 'values' },
  placeholders: ['CONNECTED', 'RESPONSE_TIME', 'STATUS', 'BODY', 'HEADERS', 'CERTIFICATE_EXPIRATION', 'IP'],
  defaultConditions: ['[STATUS] < 400'],
});
