/**
 * Ways to reach someone, found in free text: e-mail, phone, chat channel or handle, web address,
 * and whether what stands there is a blank to fill (`+41 21 XXX XX XX`, `[Numéro support]`).
 */
export interface Addresses {
  email: string | null;
  phone: string | null;
  chat: string | null;
  url: string | null;
  placeholder: boolean;
  /** The text with the addresses taken out, for a person's name written next to them. */
  rest: string;
}

const emailPattern = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const urlPattern = /\bhttps?:\/\/[^\s<>()[\]]+[^\s<>()[\].,;:!?]/;
/** Starts with `+`, `00` or a digit; X and x stand for digits still to write. */
const phonePattern = /(?:\+|\b)[\dXx](?:[\dXx .\-()/]*[\dXx])?/g;
const chatPattern = /(?:^|[\s(])([#@][\w][\w.-]*)/;
const placeholderPatterns = [
  /\[[^\]]+\]/, // `[Numéro support]`: a Markdown link would have lost its brackets
  /<[^>]+>/,
  /\{\{[^}]*\}\}/,
  /\b(?:TBD|TBC|TODO|FIXME|N\/A)\b/,
  /(?:^|\s)(?:[àa] (?:compl[ée]ter|d[ée]finir|renseigner)|to be (?:defined|confirmed|completed))(?![\p{L}])/iu,
  /\bX{2,}\b/,
];

/** Channel names that say how the value is reached rather than who is reached. */
export const channelLabel =
  /^(slack|teams|microsoft teams|discord|mattermost|chat|canal|channel|e-?mail|mail|courriel|t[ée]l[ée]phone|t[ée]l\.?|phone|mobile|portable|sms|pagerduty|opsgenie|astreinte)$/i;

/** Reads the addresses in a text; link targets (from Markdown links) count as written. */
export function readAddresses(text: string, linkUrls: readonly string[] = []): Addresses {
  let rest = text;
  const take = (pattern: RegExp): string | null => {
    const match = pattern.exec(rest);
    if (match === null) return null;
    rest = rest.replace(match[0], ' ');
    return match[match.length > 1 ? 1 : 0]!;
  };
  const url = take(urlPattern) ?? linkUrls.find((href) => /^https?:/i.test(href)) ?? null;
  const email = take(emailPattern);
  const phone = findPhone(rest);
  if (phone !== null) rest = rest.replace(phone, ' ');
  const chat = take(chatPattern);
  const placeholder =
    placeholderPatterns.some((pattern) => pattern.test(text)) || (phone !== null && /[Xx]/.test(phone));
  return { email, phone, chat, url, placeholder, rest: rest.replace(/\s+/g, ' ').trim() };
}

/** A run of at least eight digits (or X), so that dates, versions and `24/7` are not phones. */
function findPhone(text: string): string | null {
  for (const match of text.matchAll(phonePattern)) {
    const candidate = match[0].trim();
    const digits = candidate.replace(/[^\dXx]/g, '');
    if (digits.length < 8 || !/\d/.test(candidate)) continue;
    if (/^\d{4}-\d{2}-\d{2}$/.test(candidate) || /^\d+(?:\.\d+){2,}$/.test(candidate)) continue;
    return candidate;
  }
  return null;
}

/** Whether some leftover words read as a person's name (`Marie Dupont`), not a phrase. */
export function looksLikePersonName(text: string): boolean {
  const words = text
    .replace(/[,;:()\-–—|/]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '');
  return words.length >= 2 && words.length <= 4 && words.every((word) => /^\p{Lu}[\p{L}'.-]*$/u.test(word));
}

/** Whether any way to reach someone was found. */
export function hasAddress(addresses: Addresses): boolean {
  return addresses.email !== null || addresses.phone !== null || addresses.chat !== null || addresses.url !== null;
}
