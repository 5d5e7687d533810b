import type { Blockquote, Code } from 'mdast';
import type { Draft, LineRange } from '../../runbook-model.js';
import type { OutlineNode } from '../build-outline.js';
import { sourceLines } from '../source-text.js';
import type { CommunicationChannel, CommunicationTemplateData } from './draft-data.js';
import { allNodes, draftTitle, namesMessageTemplate, titleNames } from './draft-titles.js';
import { rangeOf } from './md-blocks.js';
import { findPlaceholders, formatOf, subjectOf } from './template-text.js';

/** A code block that introduces itself as a template: `📧 Email template (dans Slack AKIG):`. */
const captionPattern =
  /^[^\p{L}]*((?:e-?mail|mail|courriel|slack|sms|message|notification|status page|page de statut)\s+(?:template|mod[eè]le)|(?:template|mod[eè]le)\s+(?:d['e]\s*|de\s+|of\s+)?(?:e-?mail|mail|courriel|slack|sms|message|communication|notification))\b.*$/iu;

/** Fences a message is written in; a caption in a shell comment is not a template. */
const messageLanguages = /^(|te?xt|plain\w*|markdown|md|e-?mail|mail|slack|html)$/i;

/**
 * Message templates: code blocks (or quotes, or the plain text) under a template title
 * ("Template de Communication", "Templates de Communication", "Email template"), and code blocks
 * anywhere that open with a caption naming themselves a template. One draft per template.
 */
export function extractCommunicationTemplates(outline: OutlineNode, text: string): Draft[] {
  const drafts: Draft[] = [];
  for (const node of allNodes(outline)) {
    if (titleNames(node.title, 'postmortem')) continue;
    if (namesMessageTemplate(node.title)) {
      drafts.push(...fromTemplateTitle(node, text));
      continue;
    }
    for (const block of node.blocks) {
      if (block.type !== 'code' || !messageLanguages.test(block.lang ?? '')) continue;
      const [caption, ...rest] = block.value.split('\n');
      const match = captionPattern.exec(caption?.trim() ?? '');
      if (match === null) continue;
      const name = match[1]!.replace(/^./, (first) => first.toUpperCase());
      drafts.push(
        draft(draftTitle(node, name), rest.join('\n'), block.lang, `${node.title} ${caption}`, rangeOf([block])!),
      );
    }
  }
  return drafts;
}

function fromTemplateTitle(node: OutlineNode, text: string): Draft[] {
  const bodies = node.blocks.filter(
    (block): block is Code | Blockquote => block.type === 'code' || block.type === 'blockquote',
  );
  const title = draftTitle(node);
  if (bodies.length === 0) {
    // The template written as the section's own text.
    const range = rangeOf(node.blocks);
    if (range === null) return [];
    return [
      draft(title, sourceLines(text, range), 'markdown', node.title, { start: node.lines.start, end: range.end }),
    ];
  }
  return bodies.map((block, index) => {
    const body = block.type === 'code' ? block.value : sourceLines(text, rangeOf([block])!).replace(/^\s*>\s?/gm, '');
    const range = rangeOf([block])!;
    const numbered = bodies.length > 1 ? `${title} (${index + 1})` : title;
    return draft(numbered, body, block.type === 'code' ? block.lang : null, node.title, {
      start: index === 0 ? node.lines.start : range.start,
      end: range.end,
    });
  });
}

function draft(
  title: string,
  rawBody: string,
  language: string | null | undefined,
  caption: string,
  lines: LineRange,
): Draft {
  const subject = subjectOf(rawBody);
  // The subject is kept apart; the body is what follows it.
  const body = (subject === null ? rawBody : rawBody.replace(/^[\s\S]*?^\s*(?:subject|objet|sujet)\s*:.*$/im, ''))
    .replace(/^\s*\n/, '')
    .trimEnd();
  const data: CommunicationTemplateData = {
    format: formatOf(body, language),
    body,
    placeholders: findPlaceholders(rawBody),
    channel: channelOf(caption, subject),
    subject,
  };
  return { kind: 'communication-template', title, data, lines };
}

/** Where the message goes, from its title or caption; a subject line means e-mail. */
function channelOf(caption: string, subject: string | null): CommunicationChannel | null {
  if (subject !== null || /\b(e-?mail|mail|courriel)\b/i.test(caption)) return 'email';
  if (/\bslack\b/i.test(caption)) return 'slack';
  if (/status ?page|page de statut/i.test(caption)) return 'status-page';
  return null;
}
