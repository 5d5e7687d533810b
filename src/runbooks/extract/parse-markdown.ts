import type { Root } from 'mdast';
import MarkdownIt from 'markdown-it';
import { blockTree } from './markdown/block-tree.js';
import { splitFrontMatter } from './markdown/front-matter.js';
import { addReferenceDefinitions, type References } from './markdown/reference-definitions.js';
import { SourceLines } from './markdown/source-lines.js';

let parser: MarkdownIt | undefined;

/**
 * Parses Markdown into an mdast tree: CommonMark, plus the GFM parts runbooks are read with
 * (tables, task lists, strikethrough) and YAML front matter. The tokenizer is markdown-it, turned
 * into mdast here: micromark, which remark uses, took ~45 ms for the five seed files (40 KB),
 * markdown-it ~1.5 ms, and an import has a 100 ms budget. GFM literal autolinks are left out
 * (addresses are found in the text itself, see bare-urls.ts), and link targets are kept as
 * written, neither percent-encoded nor refused (nothing here renders HTML).
 */
export function parseMarkdown(text: string): Root {
  // Built on first use, not at import: the CLI and server may never import a runbook.
  parser ??= createParser();
  const { yaml, markdown } = splitFrontMatter(text);
  const env: { references?: References } = {};
  const lines = new SourceLines(text);
  const root = blockTree(parser.parse(markdown, env), lines, parser.utils.unescapeAll);
  addReferenceDefinitions(root, lines, env.references, parser.utils.normalizeReference);
  if (yaml !== null) root.children.unshift(yaml);
  return root;
}

function createParser(): MarkdownIt {
  const parser = new MarkdownIt('commonmark', { html: true }).enable(['table', 'strikethrough']);
  parser.validateLink = () => true;
  parser.normalizeLink = (url) => url;
  parser.normalizeLinkText = (url) => url;
  return parser;
}
