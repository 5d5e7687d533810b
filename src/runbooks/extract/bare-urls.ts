import type { Paragraph } from 'mdast';

/**
 * Web addresses written bare in the text (`https://grafana.example.test`, `www.example.test`).
 * GFM would make links of them, but the Markdown parser leaves GFM literal autolinks out (see
 * parse-markdown.ts): the few readers that take a link for a link find these here instead. As in
 * GFM, `www.` addresses get `http://`, and punctuation ending a sentence is not part of the address.
 */
const bareUrl = /(?<![\p{L}\p{N}])(?:https?:\/\/[\w-]*\.|www\.)[^\s<]*/giu;

/** Characters GFM leaves out when they end an address (`see https://x.test.`). */
const trailing = /[!"&'),.:;<>?\]}]+$/;

/** The bare addresses in a text, as link targets, in order. */
export function bareUrlsIn(text: string): string[] {
  const urls: string[] = [];
  for (const match of text.matchAll(bareUrl)) {
    const address = match[0].replace(trailing, '');
    if (/\.[\w-]/.test(address)) urls.push(/^www\./i.test(address) ? `http://${address}` : address);
  }
  return urls;
}

/** The link target a paragraph opens with: a Markdown link, or a bare address at its very start. */
export function leadingLinkOf(paragraph: Paragraph): string | null {
  const first = paragraph.children[0];
  if (first?.type === 'link') return first.url;
  if (first?.type !== 'text') return null;
  const match = /^(?:https?:\/\/|www\.)\S+/i.exec(first.value);
  return match === null ? null : (bareUrlsIn(match[0])[0] ?? null);
}

/** Whether a paragraph is one link and nothing else: a Markdown link, or a bare address alone. */
export function isLinkOnly(paragraph: Paragraph): boolean {
  const [only, ...others] = paragraph.children;
  if (only === undefined || others.length > 0) return false;
  if (only.type === 'link') return true;
  return (
    only.type === 'text' &&
    /^\S+$/.test(only.value) &&
    bareUrlsIn(only.value)[0] === only.value.replace(/^www\./i, 'http://www.')
  );
}
