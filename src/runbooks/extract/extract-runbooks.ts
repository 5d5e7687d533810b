import type { Root } from 'mdast';
import { parse as parseYaml } from 'yaml';
import type { Extraction, LineRange, RunbookStructure } from '../runbook-model.js';
import { buildOutline } from './build-outline.js';
import { buildRunbook, runbookLines } from './build-runbook.js';
import { metadataKeyOf, sectionKindOf } from './classify-title.js';
import { draftKindOf } from './drafts/draft-kind-of.js';
import { findLeftovers } from './find-leftovers.js';
import { findRunbookNodes, type RunbookNode } from './find-runbook-nodes.js';
import { extractDrafts } from './drafts/extract-drafts.js';
import { cleanTitle, normalizeTitle } from './normalize-title.js';
import { parseMarkdown } from './parse-markdown.js';

export interface ExtractOptions {
  /** The file name, for titles of single-runbook files without a heading. */
  filename: string;
}

/** Bold paragraph titles that open a section; metadata keys (`**Sévérité**: P1`) stay paragraphs. */
const isLabelTitle = (title: string): boolean =>
  metadataKeyOf(title) === null && (sectionKindOf(title) !== null || draftKindOf(title) !== null);

/**
 * Finds the runbooks, the incident-process drafts and the leftovers in one repaired Markdown text:
 * one or many runbooks per file (`# RUNBOOK:` blocks, numbered incidents under a heading,
 * `INC-003` sections, one runbook per file), with headings or bold labels as section titles.
 */
export async function extractRunbooks(text: string, options: ExtractOptions): Promise<Extraction> {
  const root = parseMarkdown(text);
  const frontMatter = readFrontMatter(root);
  const outline = buildOutline(root, isLabelTitle);
  const found = findRunbookNodes(outline);
  const titles = runbookTitles(found, frontMatter, options.filename);
  const runbooks: RunbookStructure[] = [];
  for (const [index, item] of found.entries())
    runbooks.push(await buildRunbook(text, item, titles[index]!, frontMatter));
  const drafts = extractDrafts(outline, text);
  const covered: LineRange[] = [...found.map(runbookLines), ...drafts.map((draft) => draft.lines)];
  return { runbooks, drafts, leftovers: findLeftovers(text, outline, covered) };
}

/** `Resolution`, `Fix`, `Diagnostic` alone: a section word, not the name of a procedure. */
function isBareSectionTitle(title: string): boolean {
  return sectionKindOf(title) !== null && normalizeTitle(title).split(' ').length <= 2;
}

function readFrontMatter(root: Root): Record<string, unknown> {
  const first = root.children[0];
  if (first?.type !== 'yaml') return {};
  try {
    const parsed: unknown = parseYaml(first.value);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/**
 * Titles as shown: `RUNBOOK:` markers dropped; a title used twice in one file (`Build Failures`
 * under both Web and Mobile) is prefixed with its parent's; a file that is one runbook without a
 * heading takes its front-matter title or file name.
 */
function runbookTitles(
  found: readonly RunbookNode[],
  frontMatter: Record<string, unknown>,
  filename: string,
): string[] {
  const base = found.map(({ node }) => {
    if (node.origin === 'root') {
      const title = frontMatter['title'];
      return typeof title === 'string' && title.trim() !== ''
        ? title.trim()
        : cleanTitle(filename.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' '));
    }
    // `# Redis full` / `## Resolution` (code): the procedure is the part, its title the parent's.
    const parent = node.parent;
    if (
      isBareSectionTitle(node.title) &&
      parent !== null &&
      parent.origin === 'heading' &&
      parent.children.length === 1
    )
      return parent.title;
    return node.title.replace(/^(?:runbook|playbook)\s*:\s*/i, '').trim();
  });
  return base.map((title, index) => {
    const duplicated = base.filter((other) => other.toLowerCase() === title.toLowerCase()).length > 1;
    const parent = found[index]!.node.parent;
    return duplicated && parent !== null && parent.origin !== 'root' ? `${parent.title} — ${title}` : title;
  });
}
