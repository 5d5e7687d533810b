import { Type, type Static } from 'typebox';
import { runTlsCheck } from '../checks/tls-check.js';
import { defineProbeKind } from './probe-kind-definition.js';
import { host, port, TlsOptionsSchema } from './target-fields.js';

export const TlsTargetSchema = Type.Object(
  { kind: Type.Literal('tls'), host, port, tls: Type.Optional(TlsOptionsSchema) },
  { additionalProperties: false, title: 'TlsTarget' },
);
export type TlsTarget = Static<typeof TlsTargetSchema>;

/** `openssl s_client`: the certificate is valid and not about to expire. */
export const tlsProbe = defineProbeKind({
  label: 'TLS certificate',
  target: TlsTargetSchema,
  check: (target, options) => runTlsCheck(target, options),
  secretFields: {},
  placeholders: [
    'CONNECTED',
    'RESPONSE_TIME',
    'CERTIFICATE_EXPIRATION',
    'CERTIFICATE_VALID',
    'CERTIFICATE_ERROR',
    'CERTIFICATE_SUBJECT',
    'CERTIFICATE_ISSUER',
    'IP',
  ],
  defaultConditions: ['[CERTIFICATE_VALID] == true', '[CERTIFICATE_EXPIRATION] > 7d'],
});
