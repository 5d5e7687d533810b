import { randomInt } from 'node:crypto';
import type { Queryable } from '../../storage/database.js';

/** What a reply code may do: acknowledge, nothing else (a reply cannot resolve or escalate). */
export const replyCodePurposes = ['acknowledge'] as const;
export type ReplyCodePurpose = (typeof replyCodePurposes)[number];

/**
 * How long a code in a page works: a night's shift, not a day's like the acknowledge link — four
 * digits are guessable, only the sender's phone number keeps them from being guessed by anyone.
 */
export const replyCodeValidMs = 4 * 3_600_000;

/** The code is four digits: short to type on a phone at 3 a.m. */
const codePattern = /^[0-9]{4}$/;

const selectActive = `SELECT code FROM reply_codes
  WHERE user_id = $1 AND incident_id = $2 AND purpose = $3 AND expires_at > $4`;
const extend = `UPDATE reply_codes SET expires_at = $3 WHERE user_id = $1 AND code = $2`;
// An expired code of the same person leaves its place: the primary key is (person, code).
const insertCode = `INSERT INTO reply_codes (user_id, code, incident_id, purpose, created_at, expires_at)
  VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (user_id, code) DO UPDATE SET incident_id = $3, purpose = $4, created_at = $5, expires_at = $6
  WHERE reply_codes.expires_at <= $5
  RETURNING code`;
// Phone numbers are compared as digits and `+` only: "+33 6 12…" as typed in a profile is the
// "+33612…" Twilio sends. Only active people's codes count.
const selectCode = `SELECT rc.incident_id, rc.purpose, rc.expires_at, u.id::text AS user_id, u.name, u.locale
  FROM reply_codes rc JOIN users u ON u.id = rc.user_id
  WHERE rc.code = $1 AND u.deactivated_at IS NULL AND regexp_replace(u.phone, '[^+0-9]', '', 'g') = $2`;
const selectPerson = `SELECT locale FROM users
  WHERE deactivated_at IS NULL AND regexp_replace(phone, '[^+0-9]', '', 'g') = $1 LIMIT 1`;

/**
 * The code a page to `userId` about `incidentId` carries: the one already given for this incident
 * (its life extended, so that every page of one incident says the same code), or a new one unused
 * among the person's live codes. Written in the delivery's transaction, before the message leaves.
 */
export async function issueReplyCode(
  db: Queryable,
  input: { incidentId: string; userId: string; purpose: ReplyCodePurpose; now: Date },
): Promise<string> {
  const expiresAt = new Date(input.now.getTime() + replyCodeValidMs);
  const { rows } = await db.query<{ code: string }>(selectActive, [
    input.userId,
    input.incidentId,
    input.purpose,
    input.now,
  ]);
  if (rows[0] !== undefined) {
    await db.query(extend, [input.userId, rows[0].code, expiresAt]);
    return rows[0].code;
  }
  // A person has a handful of live codes at most: a few random draws find a free one.
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const code = String(randomInt(0, 10_000)).padStart(4, '0');
    const inserted = await db.query<{ code: string }>(insertCode, [
      input.userId,
      code,
      input.incidentId,
      input.purpose,
      input.now,
      expiresAt,
    ]);
    if (inserted.rows[0] !== undefined) return code;
  }
  throw new Error('no free reply code for this person');
}

/** The person a code was given to, as the reply acts for them. */
export interface ReplyPerson {
  userId: string;
  name: string;
  locale: 'en' | 'fr' | null;
}

export type ReplyCodeLookup =
  | { found: false; knownPhone: boolean; locale: 'en' | 'fr' | null }
  | { found: true; incidentId: string; purpose: ReplyCodePurpose; expired: boolean; person: ReplyPerson };

/**
 * What a code names for the person whose phone sent it, if anything: a code given to someone
 * else is, for this phone, no code at all. Without a match, says whether the phone is anyone's
 * (and their language), for the answer.
 */
export async function findReplyCode(
  db: Queryable,
  input: { phone: string; code: string; now: Date },
): Promise<ReplyCodeLookup> {
  const phone = input.phone.replace(/[^+0-9]/g, '');
  const { rows } = codePattern.test(input.code)
    ? await db.query<{
        incident_id: string;
        purpose: ReplyCodePurpose;
        expires_at: Date;
        user_id: string;
        name: string;
        locale: 'en' | 'fr' | null;
      }>(selectCode, [input.code, phone])
    : { rows: [] };
  const row = rows[0];
  if (row === undefined) {
    const person = await db.query<{ locale: 'en' | 'fr' | null }>(selectPerson, [phone]);
    return { found: false, knownPhone: person.rows[0] !== undefined, locale: person.rows[0]?.locale ?? null };
  }
  return {
    found: true,
    incidentId: row.incident_id,
    purpose: row.purpose,
    expired: row.expires_at.getTime() <= input.now.getTime(),
    person: { userId: row.user_id, name: row.name, locale: row.locale },
  };
}
