import { simpleParser, type AddressObject, type EmailAddress, type HeaderValue } from 'mailparser';

/** What answering a reply needs of its message. */
export interface ReplyMessage {
  headerFrom: string[];
  automatic: boolean;
  firstLine: string;
}

// A reply from a phone is a few lines: the rest (quoted page, signature) need not be turned into text.
const maxHtmlToText = 200_000;

/**
 * Reads a received message with mailparser: the From header's addresses, whether a machine sent it
 * (RFC 3834 Auto-Submitted, Precedence bulk/junk/list, X-Autoreply and X-Autorespond), and the first line the person wrote: quoted lines (`>`) are skipped, and so is a
 * message with no text at all (which acknowledges, like any reply).
 */
export async function readReplyMessage(raw: Buffer): Promise<ReplyMessage> {
  const mail = await simpleParser(raw, { skipImageLinks: true, maxHtmlLengthToParse: maxHtmlToText });
  const header = (name: string): string => headerText(mail.headers.get(name)).trim().toLowerCase();
  const autoSubmitted = header('auto-submitted');
  const automatic =
    (autoSubmitted !== '' && autoSubmitted !== 'no') ||
    ['bulk', 'junk', 'list'].includes(header('precedence')) ||
    mail.headers.has('x-autoreply') ||
    mail.headers.has('x-autorespond');
  const firstLine =
    (mail.text ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .find((line) => line !== '' && !line.startsWith('>')) ?? '';
  return { headerFrom: addressesOf(mail.from), automatic, firstLine: firstLine.slice(0, 200) };
}

function headerText(value: HeaderValue | undefined): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((item) => headerText(item)).join(',');
  if (value !== undefined && typeof value === 'object' && 'value' in value && typeof value.value === 'string')
    return value.value;
  return '';
}

// A group (`team: a@x, b@y;`) holds its members in `group`: each counts as a sender.
function addressesOf(from: AddressObject | undefined): string[] {
  const flatten = (list: readonly EmailAddress[]): string[] =>
    list.flatMap((entry) => [...(entry.address === undefined ? [] : [entry.address]), ...flatten(entry.group ?? [])]);
  return flatten(from?.value ?? []);
}
