import type { Definition, Root, RootContent } from 'mdast';
import type { SourceLines } from './source-lines.js';

/** What markdown-it keeps of link reference definitions, by normalized label. */
export type References = Record<string, { href: string; title?: string }>;

/**
 * Link reference definitions (`[grafana]: https://…`) leave no token in markdown-it: it resolves
 * the links that use them. mdast keeps them as `definition` nodes, and the extractor keeps their
 * lines with the section they stand in. They are found here as the top-level lines no block
 * covers; definitions nested in lists or quotes are not restored (their links still resolve).
 */
export function addReferenceDefinitions(
  root: Root,
  lines: SourceLines,
  references: References | undefined,
  normalize: (label: string) => string,
): void {
  if (references === undefined || Object.keys(references).length === 0) return;
  const blocks = root.children;
  const found: { index: number; node: Definition }[] = [];
  let line = 0;
  for (let index = 0; index <= blocks.length; index += 1) {
    const next = blocks[index]?.position?.start.line ?? lines.count + 1;
    for (; line < next - 1; line += 1) {
      const definition = definitionAt(lines, line, references, normalize);
      if (definition !== null) found.push({ index, node: definition });
    }
    line = Math.max(line, blocks[index]?.position?.end.line ?? 0);
  }
  for (const { index, node } of found.reverse()) blocks.splice(index, 0, node as RootContent);
}

function definitionAt(
  lines: SourceLines,
  line: number,
  references: References,
  normalize: (label: string) => string,
): Definition | null {
  const start = lines.contentStart(line, 0);
  const match = /^\[((?:[^\]\\]|\\.)+)\]:/.exec(lines.text.slice(start, lines.endOf(line)));
  if (match === null) return null;
  const label = match[1]!;
  const reference = references[normalize(label)];
  if (reference === undefined) return null;
  return {
    type: 'definition',
    identifier: normalize(label).toLowerCase(),
    label,
    url: reference.href,
    title: reference.title === undefined || reference.title === '' ? null : reference.title,
    position: { start: lines.pointAt(line, start), end: lines.pointAt(line, lines.trimmedEnd(line)) },
  };
}
