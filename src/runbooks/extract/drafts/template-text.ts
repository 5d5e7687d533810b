import type { Heading, Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { cleanTitle } from '../normalize-title.js';
import { parseMarkdown } from '../parse-markdown.js';

/** What message and post-mortem templates share: their blanks, their format, their structure. */

const htmlTags = /^\/?(br|b|i|u|p|a|em|strong|div|span|ul|ol|li|hr|code|pre|small|sup|sub|table|tr|td|th)\b/i;

/**
 * The names of the blanks in a template, in order of first use: `[Titre]` → `Titre`,
 * `{{ nb_impayes }}` → `nb_impayes`, `<service>` → `service`, `${ENV}` → `ENV`. A choice glued to
 * a word keeps the word (`P[1-3]`), since `1-3` alone says nothing.
 */
export function findPlaceholders(body: string): string[] {
  const found: { index: number; name: string }[] = [];
  for (const match of body.matchAll(/\{\{\s*([^{}]+?)\s*\}\}|\$\{([^{}]+)\}/g))
    found.push({ index: match.index, name: (match[1] ?? match[2]!).trim() });
  for (const match of body.matchAll(/<([^<>\n]{1,60})>/g)) {
    if (!htmlTags.test(match[1]!) && !/^(https?:|mailto:)/.test(match[1]!))
      found.push({ index: match.index, name: match[1]!.trim() });
  }
  // Not links (`[text](url)`, `[ref]: url`) nor task boxes (`[ ]`, `[x]`).
  for (const match of body.matchAll(/(\p{L}*)\[([^[\]\n]+)\](?![(:])/gu)) {
    const prefix = match[1] ?? '';
    const inner = match[2]!;
    // A bracket around another blank (`[SEV{{ level }}]`) is that blank's decoration.
    if (
      inner.trim() === '' ||
      /\{\{|\$\{|<[^>]+>/.test(inner) ||
      (/^[xX]$/.test(inner) && /(^|\n)\s*[-*+]\s$/.test(body.slice(0, match.index)))
    )
      continue;
    const isChoice = prefix !== '' && /^[\d\s,|/–-]+$/.test(inner);
    found.push({
      index: match.index + (isChoice ? 0 : prefix.length),
      name: isChoice ? `${prefix}[${inner}]` : inner.trim(),
    });
  }
  found.sort((a, b) => a.index - b.index);
  return [...new Set(found.map((entry) => entry.name))];
}

/** Markdown when the fence says so or the text uses headings, bold or lists; text otherwise. */
export function formatOf(body: string, language: string | null | undefined): 'markdown' | 'text' {
  if (/^(markdown|md|gfm)$/i.test(language ?? '')) return 'markdown';
  return /^#{1,6}\s|\*\*[^*\n]+\*\*|^\s*[-*]\s+\S|^\s*\d+\.\s+\S/m.test(body) ? 'markdown' : 'text';
}

/** A `Subject:` (`Objet :`) line. */
export function subjectOf(body: string): string | null {
  return /^\s*(?:subject|objet|sujet)\s*:\s*(.+?)\s*$/im.exec(body)?.[1] ?? null;
}

/** The template's parts: its headings (its own title left out), and its bold fields. */
export function structureOf(body: string): TemplateStructure {
  return structureOfBlocks(parseMarkdown(body).children);
}

/** A template's headings and bold fields (see `structureOf`). */
export interface TemplateStructure {
  sections: string[];
  fields: string[];
}

/**
 * `structureOf` for a template written in the document itself, from the blocks the document's
 * parse already holds (`blocksBelowTitle`), so that its lines are not parsed a second time.
 */
export function structureOfBlocks(blocks: readonly RootContent[]): TemplateStructure {
  const headings = collect<Heading>(blocks, 'heading');
  // Bold words opening a line: `**Date**: [Date]`, one per line of a paragraph.
  const fields = collect<Paragraph>(blocks, 'paragraph').flatMap((paragraph) =>
    paragraph.children.flatMap((child, index) => {
      const before = paragraph.children[index - 1];
      const opensLine =
        before === undefined || before.type === 'break' || (before.type === 'text' && before.value.endsWith('\n'));
      return child.type === 'strong' && opensLine ? [cleanTitle(toString(child)).replace(/\s*:$/, '')] : [];
    }),
  );
  const minDepth = Math.min(...headings.map((heading) => heading.depth));
  const titleOnly =
    headings[0] !== undefined &&
    headings.filter((heading) => heading.depth === minDepth).length === 1 &&
    blocks[0] === headings[0];
  const sections = (titleOnly ? headings.slice(1) : headings).map((heading) => cleanTitle(toString(heading)));
  return { sections: sections.length > 0 ? sections : unique(fields), fields: unique(fields) };
}

function collect<T extends { type: string }>(blocks: readonly RootContent[], type: T['type']): T[] {
  const found: T[] = [];
  const visit = (node: { type: string; children?: unknown[] }): void => {
    if (node.type === type) found.push(node as unknown as T);
    for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] });
  };
  blocks.forEach(visit);
  return found;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}
