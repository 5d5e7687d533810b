import type { Code, List, ListItem, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Section, SectionKind, Step, Symptom } from '../runbook-model.js';
import type { OutlineNode } from './build-outline.js';
import { readMarker } from '../runbook-markers.js';
import { isTemplateTitle } from './drafts/draft-kind-of.js';
import { codeStep, manualStep, type PendingStep } from './code-step.js';
import { isMetadataParagraph } from './read-metadata.js';
import { readSymptom, splitInlineSymptoms } from './read-symptoms.js';
import { linesOf, sourceOf } from './source-text.js';
import { phaseOf } from './step-phase.js';

/** Sections whose plain bullet points are things to do (elsewhere they are prose). */
const actionKinds: ReadonlySet<SectionKind> = new Set(['resolution', 'mitigation', 'recovery']);
/** Sections whose bullets and inline text are symptoms. */
const symptomKinds: ReadonlySet<SectionKind> = new Set(['symptoms', 'detection']);

export interface SectionDraft {
  kind: SectionKind;
  title: string;
  text: string[];
  steps: PendingStep[];
  lines: Section['lines'];
}

/** What reading a runbook's parts collects besides the sections themselves. */
export interface SectionReading {
  sections: SectionDraft[];
  symptoms: Symptom[];
}

/**
 * Reads one section: its own blocks, then each sub-heading's blocks, in order. Code blocks become
 * steps titled by the nearest sub-heading, list item or lead-in sentence; numbered items without
 * code become manual steps.
 */
export function readSection(
  text: string,
  node: OutlineNode,
  kind: SectionKind,
  reading: SectionReading,
  options: { withChildren: boolean } = { withChildren: true },
): void {
  const section: SectionDraft = { kind, title: node.title, text: [], steps: [], lines: node.lines };
  reading.sections.push(section);
  if (node.inlineText !== null) {
    if (symptomKinds.has(kind)) {
      for (const part of splitInlineSymptoms(node.inlineText))
        reading.symptoms.push(readSymptom(part, node.lines.start));
    } else {
      section.text.push(node.inlineText);
    }
  }
  readBlocks(text, node.blocks, null, section, reading);
  const visit = (child: OutlineNode): void => {
    const before = section.text.length;
    if (child.inlineText !== null) section.text.push(child.inlineText);
    if (isTemplateTitle(child.title)) {
      // A message or post-mortem template is text to copy (and a draft), never a step to run.
      for (const block of child.blocks) section.text.push(sourceOf(text, block));
    } else {
      readBlocks(text, child.blocks, child.title, section, reading);
    }
    // The sub-heading stays in the prose only when prose follows it; otherwise it lives on as
    // the title of the steps under it.
    if (section.text.length > before)
      section.text.splice(before, 0, `${'#'.repeat(Math.min(6, Math.max(3, child.depth)))} ${child.title}`);
    child.children.forEach(visit);
  };
  if (options.withChildren) node.children.forEach(visit);
}

function readBlocks(
  text: string,
  blocks: readonly RootContent[],
  heading: string | null,
  section: SectionDraft,
  reading: SectionReading,
): void {
  blocks.forEach((block, index) => {
    const source = sourceOf(text, block);
    if (block.type === 'code') {
      const previous = blocks[index - 1];
      const leadIn = previous === undefined ? null : leadInOf(previous);
      const title = leadIn ?? heading;
      readCode(block, title, phaseOf(title ?? ''), section, reading);
    } else if (block.type === 'list') {
      readList(text, block, heading, section, reading);
    } else if (block.type === 'paragraph') {
      if (isMetadataParagraph(block, source)) return;
      // A sentence ending with a colon right before a code block is that step's title.
      if (blocks[index + 1]?.type === 'code' && leadInOf(block) !== null) return;
      section.text.push(source);
    } else if (block.type === 'html' && readMarker(block.value) !== null) {
      // a canonical export's marker: read by the runbook finder, not prose
    } else if (block.type !== 'thematicBreak' && block.type !== 'yaml') {
      section.text.push(source);
    }
  });
}

/** `Tester un dispatch simple :` → `Tester un dispatch simple`, for a one-line paragraph ending with a colon. */
function leadInOf(block: RootContent): string | null {
  if (block.type !== 'paragraph') return null;
  const plain = toString(block).trim();
  if (!/:$/.test(plain) || plain.includes('\n') || plain.length > 200) return null;
  return plain.replace(/\s*:$/, '').trim();
}

function readCode(
  block: Code,
  title: string | null,
  phase: Step['phase'],
  section: SectionDraft,
  reading: SectionReading,
): void {
  // A fence without a language in a detection or symptoms part describes the alert, not a command.
  if (symptomKinds.has(section.kind) && (block.lang ?? '') === '') {
    const line = block.position?.start.line ?? 1;
    block.value.split('\n').forEach((content, index) => {
      if (content.trim() !== '') reading.symptoms.push(readSymptom(content, line + 1 + index));
    });
    return;
  }
  section.steps.push(codeStep(block, title, phase));
}

function readList(
  text: string,
  list: List,
  heading: string | null,
  section: SectionDraft,
  reading: SectionReading,
): void {
  for (const item of list.children) {
    const label = itemLabel(item);
    const codes = collectCode(item);
    const source = sourceOf(text, item);
    if (symptomKinds.has(section.kind) && codes.length === 0) {
      // The Markdown source, not the plain text: code spans mark the terms worth matching.
      reading.symptoms.push(
        readSymptom(item.children[0] === undefined ? '' : sourceOf(text, item.children[0]), linesOf(item).start),
      );
      continue;
    }
    if (item.checked === true || item.checked === false) {
      section.text.push(source); // a task list is a checklist (a draft), not steps
      continue;
    }
    if (codes.length > 0) {
      // The item's first paragraph titles its code; anything else it holds (a nested list) is prose.
      const prose = item.children
        .slice(1)
        .filter((child) => child.type !== 'code')
        .map((child) => sourceOf(text, child))
        .join('\n');
      if (prose.trim() !== '') section.text.push(prose);
      for (const code of codes) readCode(code, label ?? heading, phaseOf(label ?? ''), section, reading);
    } else if (list.ordered === true || actionKinds.has(section.kind)) {
      section.steps.push(manualStep(item, itemBody(item, source), label, phaseOf(label ?? '')));
    } else {
      section.text.push(source);
    }
  }
}

/**
 * An item's text without its marker, continuation lines dedented to the item's content column,
 * so that the body reads the same wherever the list stood (and an export can re-indent it).
 */
function itemBody(item: ListItem, source: string): string {
  const marker = /^(?:\d+[.)]|[-*+])\s+/.exec(source)?.[0] ?? '';
  const width = (item.position?.start.column ?? 1) - 1 + marker.length;
  const [first = '', ...rest] = source.slice(marker.length).split('\n');
  return [first, ...rest.map((line) => line.replace(new RegExp(`^ {0,${width}}`), ''))].join('\n');
}

/** The item's lead: its bold label (`**Moyen terme**`) or its first sentence. */
function itemLabel(item: ListItem): string | null {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return null;
  const strong = first.children[0];
  const whole = toString(first).trim();
  if (strong?.type === 'strong') {
    const rest = whole
      .slice(toString(strong).length)
      .replace(/^\s*:?\s*/, '')
      .trim();
    const label = toString(strong)
      .replace(/\s*:\s*$/, '')
      .trim();
    return rest === '' ? label : `${label}: ${rest}`.replace(/\s*:\s*$/, '');
  }
  return whole
    .replace(/\s*:\s*$/, '')
    .split(/(?<=[.!?])\s/)[0]!
    .slice(0, 200);
}

function collectCode(node: RootContent | ListItem): Code[] {
  if (node.type === 'code') return [node];
  return 'children' in node ? (node.children as RootContent[]).flatMap(collectCode) : [];
}
