import { Type, type Static } from 'typebox';
import { fieldHint } from '../../core/field-hint.js';

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
  ...fieldHint('host name or IP address', "nom d'hôte ou adresse IP"),
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
      Type.Boolean(
        fieldHint(
          'accept any certificate (self-signed, expired); its expiry is still observed',
          'accepter tout certificat (auto-signé, expiré) ; son expiration reste observée',
        ),
      ),
    ),
    ca: Type.Optional(
      Type.String({
        maxLength: 100_000,
        ...fieldHint(
          'PEM certificates trusted for this probe, instead of the system ones',
          'certificats PEM de confiance pour cette sonde, à la place de ceux du système',
        ),
      }),
    ),
    serverName: Type.Optional(
      Type.String({
        maxLength: 253,
        ...fieldHint(
          'SNI and name checked, when it differs from the host',
          "SNI et nom vérifié, s'il diffère de l'hôte",
        ),
      }),
    ),
  },
  { additionalProperties: false },
);
export type TlsOptions = Static<typeof TlsOptionsSchema>;
