import type { Root } from 'mdast';
import { fromMarkdown, type Options } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';

let options: Options | undefined;

/**
 * Parses Markdown into an mdast tree: CommonMark, plus the GFM parts runbooks are read with
 * (tables, task lists, strikethrough) and YAML front matter. micromark and its mdast builder are
 * called directly, without a unified processor, and GFM literal autolinks and footnotes are left
 * out: nothing reads them (addresses are found in the text itself), and literal autolinks alone
 * cost about a fifth of the parse.
 */
export function parseMarkdown(text: string): Root {
  // Built on first use, not at import: the CLI and server may never import a runbook.
  options ??= {
    extensions: [gfmTable(), gfmTaskListItem(), gfmStrikethrough(), frontmatter(['yaml'])],
    mdastExtensions: [gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  };
  return fromMarkdown(text, options);
}
