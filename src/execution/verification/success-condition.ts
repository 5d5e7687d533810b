import { Type, type Static } from 'typebox';

/**
 * What a step must show to have succeeded. Every listed part must hold: the exit status is one
 * of `exitCodes`; the output contains `outputContains`; it matches `outputMatches`; the HTTP status
 * it shows (curl `-i`/`-I`/`-v` status lines, or a last line of three digits from `-w '%{http_code}'`)
 * is one of `httpStatus` (`200`, `2xx`).
 */
export const SuccessConditionSchema = Type.Object(
  {
    exitCodes: Type.Array(Type.Integer()),
    outputContains: Type.Optional(Type.String()),
    outputMatches: Type.Optional(
      Type.String({ description: 'a JavaScript regular expression, tested against the whole output' }),
    ),
    httpStatus: Type.Optional(Type.Array(Type.String({ pattern: '^[1-5]([0-9]{2}|xx)$' }))),
    /** Where it was read: the fence attributes, a comment of the code (`# Doit retourner: PONG`), or the default. */
    source: Type.Enum(['attributes', 'comment', 'default']),
  },
  { title: 'SuccessCondition' },
);
export type SuccessCondition = Static<typeof SuccessConditionSchema>;

/** The condition checked against what a step did, stored with its execution. */
export const VerificationSchema = Type.Object(
  {
    condition: SuccessConditionSchema,
    passed: Type.Boolean(),
    /** Each part that failed, in words (`output does not contain "PONG"`), or what held. */
    detail: Type.String(),
  },
  { title: 'Verification' },
);
export type Verification = Static<typeof VerificationSchema>;
