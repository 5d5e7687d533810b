import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

let processor: Processor<Root> | undefined;

/** Parses Markdown (CommonMark, GFM tables and task lists, YAML front matter) into an mdast tree. */
export function parseMarkdown(text: string): Root {
  // Built on first use, not at import: the CLI and server may never import a runbook.
  processor ??= unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']) as unknown as Processor<Root>;
  return processor.parse(text);
}
