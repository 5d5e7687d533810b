import type { Contact } from '../runbooks/extract/drafts/draft-data.js';
import { channelLabel } from '../runbooks/extract/drafts/contact-address.js';

/** `UsernameSchema`: lowercase, 2 to 63 characters. */
const maxUsernameLength = 63;

/**
 * Why a written number is a stand-in rather than someone's phone, or null when it may be real:
 * digits still to write (`+33 X XX XX XX XX`, `06 XX XX XX XX`), or a line of zeros or of one
 * digit, or 123456, where the subscriber's number goes (`+33 6 00 00 00 00`, `+213 555 123 456`).
 * Such a number is never copied to a person: paging it would reach a stranger or nobody.
 */
export function placeholderPhoneReason(phone: string): string | null {
  if (/[Xx]/.test(phone)) return `${phone} has digits still to write`;
  const last = phone.replace(/\D/g, '').slice(-6);
  if (/^(\d)\1{5}$/.test(last) || last === '123456') return `${phone} looks like an example number`;
  return null;
}

/** Whether a contact is a way to reach a group (a channel, a shared line) rather than a person. */
export function isChannelContact(contact: Contact): boolean {
  return channelLabel.test(contact.name.trim()) || (contact.email === null && contact.chat !== null);
}

/** Names compared as people write them: accents, case and spacing aside. */
export const foldName = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * A free username for an e-mail (`vp-eng@company.com` → `vp-eng`), `-2`, `-3` … when taken;
 * the name claimed is added to `taken`.
 */
export function claimUsername(email: string, taken: Set<string>): string {
  const local = (email.split('@')[0] ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '');
  const base = (local.length >= 2 ? local : `user-${local}`.replace(/-$/, '')).slice(0, maxUsernameLength - 4);
  let username = base;
  for (let n = 2; taken.has(username); n += 1) username = `${base}-${n}`;
  taken.add(username);
  return username;
}
