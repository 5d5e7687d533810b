import { Type, type Static } from 'typebox';
import { runDnsCheck } from '../checks/dns-check.js';
import { defineProbeKind } from './probe-kind-definition.js';

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
export type DnsTarget = Static<typeof DnsTargetSchema>;

/** `dig name`: the name resolves (and to what). */
export const dnsProbe = defineProbeKind({
  label: 'DNS name',
  target: DnsTargetSchema,
  check: (target, options) => runDnsCheck(target, options),
  secretFields: {},
  placeholders: ['CONNECTED', 'RESPONSE_TIME', 'DNS_RCODE', 'DNS_ANSWERS', 'BODY'],
  defaultConditions: ['[DNS_RCODE] == NOERROR'],
});
