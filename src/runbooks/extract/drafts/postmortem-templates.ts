import type { Code } from 'mdast';
import type { Draft, LineRange } from '../../runbook-model.js';
import { blocksBelowTitle, endLineOf, type OutlineNode } from '../build-outline.js';
import { sourceLines } from '../source-text.js';
import type { PostmortemTemplateData } from './draft-data.js';
import { allNodes, ancestorsOf, draftTitle, titleNames } from './draft-titles.js';
import { rangeOf } from './md-blocks.js';
import { findPlaceholders, formatOf, structureOf, structureOfBlocks, type TemplateStructure } from './template-text.js';

/** Fences that hold a document, not commands. */
const documentLanguages = /^(|markdown|md|gfm|te?xt|plain\w*)$/i;

/**
 * Post-mortem templates under a post-mortem title ("Post-mortem template", "Post-Mortem", "RETEX"):
 * the first document-like code block, or else the section itself when it is written as the
 * template (sub-headings or bold fields). A section that only says to hold a post-mortem is none.
 */
export function extractPostmortemTemplates(outline: OutlineNode, text: string): Draft[] {
  const drafts: Draft[] = [];
  for (const node of allNodes(outline)) {
    if (
      !titleNames(node.title, 'postmortem') ||
      ancestorsOf(node).some((ancestor) => titleNames(ancestor.title, 'postmortem'))
    )
      continue;
    const code = node.blocks.find(
      (block): block is Code => block.type === 'code' && documentLanguages.test(block.lang ?? ''),
    );
    if (code !== undefined) {
      drafts.push(
        draft(
          node,
          code.value,
          code.lang,
          { start: node.lines.start, end: rangeOf([code])!.end },
          structureOf(code.value),
        ),
      );
      continue;
    }
    const written = writtenTemplate(node, text);
    if (written !== null) drafts.push(draft(node, written.body, 'markdown', written.lines, written.structure));
  }
  return drafts;
}

/** The section's own text and sub-sections, when they have the shape of a template. */
function writtenTemplate(
  node: OutlineNode,
  text: string,
): { body: string; lines: LineRange; structure: TemplateStructure } | null {
  const firstLine = node.lines.start + 1;
  if (firstLine > node.lines.end) return null;
  const raw = sourceLines(text, { start: firstLine, end: node.lines.end });
  const body = raw.trim();
  // The document's parse already holds these lines' blocks, unless the title itself runs on
  // (a label paragraph over several lines, a setext heading): then only parsing them says.
  const titleOnOneLine = node.opener === null || endLineOf(node.opener) === node.lines.start;
  const structure = titleOnOneLine ? structureOfBlocks(blocksBelowTitle(node)) : structureOf(body);
  if (structure.sections.length < 2 && structure.fields.length < 2) return null;
  // The range ends on the last written line, not on the blank lines before the next heading.
  const end = firstLine + raw.trimEnd().split('\n').length - 1;
  return { body, lines: { start: node.lines.start, end }, structure };
}

function draft(
  node: OutlineNode,
  body: string,
  language: string | null | undefined,
  lines: LineRange,
  structure: TemplateStructure,
): Draft {
  const { sections, fields } = structure;
  const data: PostmortemTemplateData = {
    format: formatOf(body, language),
    body,
    sections,
    fields,
    placeholders: findPlaceholders(body),
  };
  return { kind: 'postmortem-template', title: draftTitle(node), data, lines };
}
