import { Type, type Static } from 'typebox';

/**
 * Schema pieces several probe kinds' targets share. A kind's own fields stay in its file
 * (`kinds/<kind>-probe.ts`); these are here so that a host or a header is checked alike everywhere.
 */

/** Marks a credential: sealed at rest, shown as `********` (as channel secrets are). List it in the kind's `secretFields` too. */
export const secret = { writeOnly: true, 'x-secret': true } as const;

export const host = Type.String({
  minLength: 1,
  maxLength: 253,
  pattern: '^[^\\s/]+$',
  description: 'host name or IP address',
});

export const port = Type.Integer({ minimum: 1, maximum: 65_535 });

// An HTTP token (RFC 9110) and a value without line breaks: checked when saved, not when sent.
export const headerName = Type.String({ pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$" });
export const headerValue = Type.String({ pattern: '^[^\\r\\n\\u0000]*$', maxLength: 4000 });

/** Headers whose values are credentials (`Authorization: Bearer …`): sealed at rest. */
export const secretHeaders = Type.Optional(
  Type.Record(headerName, Type.String({ ...secret, maxLength: 4000 }), { maxProperties: 20 }),
);

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
