import { Type, type Static } from 'typebox';
import { RoleSchema } from '../auth/api-token-model.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import type { Contact } from '../runbooks/extract/drafts/draft-data.js';
import {
  AdoptDraftInput,
  carryOutAdoption,
  type AdoptionEntry,
  type DraftAdoption,
  type PlannedEntry,
} from '../runbooks/draft-adoption.js';
import { lockDraftToAdopt } from '../runbooks/lock-draft-to-adopt.js';
import { claimUsername, foldName, isChannelContact, placeholderPhoneReason } from './contact-people.js';
import { createUser, type CreateUserInput } from './create-user.js';

export const AdoptContactsDraftInput = Type.Object(
  {
    ...AdoptDraftInput.properties,
    role: Type.Optional({
      ...RoleSchema,
      description: 'the role of each new user; default viewer (they act once given a password or a token)',
    }),
  },
  { additionalProperties: false },
);
export type AdoptContactsDraftInput = Static<typeof AdoptContactsDraftInput>;

const selectPeople = `SELECT id::text AS id, username, name, email, deactivated_at IS NULL AS active FROM users`;

interface Person {
  [column: string]: unknown;
  id: string;
  username: string;
  name: string;
  email: string;
  active: boolean;
}

/**
 * Turns the people of a contacts draft into users to invite (admin): one per contact with an
 * e-mail that no user has yet (by e-mail, or by name among active users), username from the
 * e-mail, role `viewer` unless given. Nothing is sent to them: no message, no password, no token.
 * A stand-in phone (`+33 X XX XX XX XX`) is left out and flagged; channels and contacts without
 * an e-mail are listed as skipped. A contact already a user is kept, so adopting twice creates
 * nobody. `dryRun` answers who would be created. 404 / 409 as every adoption.
 */
export async function adoptContactsDraft({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: AdoptContactsDraftInput;
}): Promise<DraftAdoption> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const draft = await lockDraftToAdopt(tx.db, input.draftId, 'contacts');
    const people = (await tx.db.query<Person>(selectPeople)).rows;
    const taken = new Set(people.map((person) => person.username));
    const planned = new Map<string, string>();
    const plan = draft.data.contacts.map((contact): PlannedEntry => {
      const entry = (action: AdoptionEntry['action'], id: string | null, detail: string, warnings: string[] = []) => ({
        action,
        target: contact.name,
        id,
        detail,
        warnings,
      });
      const phoneIssue = contact.phone === null ? null : placeholderPhoneReason(contact.phone);
      const warnings = phoneIssue === null ? [] : [`${phoneIssue}: not copied`];
      if (isChannelContact(contact)) return { entry: entry('skip', null, 'a channel, not a person') };
      const email = contact.email?.toLowerCase() ?? null;
      const known =
        people.find((person) => email !== null && person.email.toLowerCase() === email) ??
        people.find((person) => person.active && foldName(person.name) === foldName(contact.name));
      if (known !== undefined) return { entry: entry('keep', known.id, `already a user: ${known.username}`) };
      if (email === null) {
        const what = contact.phone ?? contact.url ?? 'no address';
        return { entry: entry('skip', null, `no e-mail to invite them with (${what})`, warnings) };
      }
      const before = planned.get(email);
      if (before !== undefined) return { entry: entry('skip', null, `same e-mail as ${before}, above`) };
      planned.set(email, contact.name);
      const user = userOf(contact, email, claimUsername(email, taken), phoneIssue === null, input.role ?? 'viewer');
      return {
        entry: entry('create', null, `user ${user.username} (${user.role}), ${email}`, warnings),
        write: async (txCtx) => (await createUser({ ctx: txCtx, input: user })).id,
      };
    });
    return carryOutAdoption(
      tx,
      { id: input.draftId, kind: 'contacts', status: draft.status },
      plan,
      input.dryRun ?? false,
    );
  });
}

/** The user of a contact: its name, e-mail, phone when real, handle when a person's (`@marie`, not `#alerts`). */
function userOf(
  contact: Contact,
  email: string,
  username: string,
  realPhone: boolean,
  role: CreateUserInput['role'],
): CreateUserInput {
  const chat = contact.chat?.startsWith('@') === true ? contact.chat.slice(0, 100) : null;
  return {
    username,
    name: contact.name.slice(0, 200),
    email,
    role,
    ...(realPhone && contact.phone !== null ? { phone: contact.phone.slice(0, 50) } : {}),
    ...(chat === null ? {} : { chatHandle: chat }),
  };
}
