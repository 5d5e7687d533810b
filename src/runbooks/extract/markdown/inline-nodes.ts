import type { PhrasingContent } from 'mdast';
import type Token from 'markdown-it/lib/token.mjs';

interface Holder {
  children: PhrasingContent[];
}

/**
 * The mdast phrasing content of a markdown-it inline token. As mdast does, consecutive text and
 * soft line breaks make one text node (`first line\nsecond line`). Inline nodes get no
 * position: nothing reads one, and markdown-it does not keep columns.
 */
export function inlineNodes(inline: Token | undefined): PhrasingContent[] {
  const top: Holder = { children: [] };
  const open: Holder[] = [top];
  for (const token of inline?.children ?? []) {
    const into = open[open.length - 1]!;
    const node = nodeOf(token);
    if (node === 'close') {
      if (open.length > 1) open.pop();
    } else if (typeof node === 'string') {
      appendText(into, node);
    } else if (node !== null) {
      into.children.push(node);
      if ('children' in node && token.nesting === 1) open.push(node);
    }
  }
  return top.children;
}

/** The node a token opens or is, the text it adds, `close`, or null for nothing. */
function nodeOf(token: Token): PhrasingContent | string | null {
  if (token.nesting === -1) return 'close';
  switch (token.type) {
    case 'text':
      return token.content;
    case 'softbreak':
      return '\n';
    case 'hardbreak':
      return { type: 'break' };
    case 'code_inline':
      return { type: 'inlineCode', value: token.content };
    case 'html_inline':
      return { type: 'html', value: token.content };
    case 'image':
      return { type: 'image', url: token.attrGet('src') ?? '', alt: token.content, title: token.attrGet('title') };
    case 'em_open':
      return { type: 'emphasis', children: [] };
    case 'strong_open':
      return { type: 'strong', children: [] };
    case 's_open':
      return { type: 'delete', children: [] };
    case 'link_open':
      return { type: 'link', url: token.attrGet('href') ?? '', title: token.attrGet('title'), children: [] };
    default:
      // Tokens of rules not enabled here; their text is kept rather than lost.
      return token.content === '' ? null : token.content;
  }
}

function appendText(into: Holder, value: string): void {
  if (value === '') return; // markdown-it leaves empty text tokens around delimiters
  const last = into.children[into.children.length - 1];
  if (last?.type === 'text') last.value += value;
  else into.children.push({ type: 'text', value });
}
