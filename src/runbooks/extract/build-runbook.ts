import type { RootContent } from 'mdast';
import type { RunbookStructure, SectionKind } from '../runbook-model.js';
import type { OutlineNode } from './build-outline.js';
import { readSection, type SectionReading } from './build-sections.js';
import { sectionKindOf } from './classify-title.js';
import { draftSectionOf } from './drafts/draft-kind-of.js';
import { finishSteps } from './code-step.js';
import { detectLanguage } from './detect-language.js';
import { markerOf, type RunbookNode } from './find-runbook-nodes.js';
import { normalizeTitle } from './normalize-title.js';
import { foldMetadata, isMetadataParagraph, readMetadataPairs, type MetadataLine } from './read-metadata.js';
import { sourceLines, sourceOf } from './source-text.js';

/** The lines a runbook covers: its whole part, or for a procedure with sub-parts only its own blocks. */
export function runbookLines(found: RunbookNode): RunbookStructure['lines'] {
  const { node } = found;
  if (!found.ownBlocksOnly) return node.lines;
  const last = node.blocks[node.blocks.length - 1];
  return { start: node.lines.start, end: last?.position?.end.line ?? node.lines.start };
}

/** Reads one runbook (incident or procedure) from its part of the outline. */
export async function buildRunbook(
  text: string,
  found: RunbookNode,
  title: string,
  frontMatter: Record<string, unknown>,
): Promise<RunbookStructure> {
  const { node } = found;
  const reading: SectionReading = { sections: [], symptoms: [] };
  if (found.structured) {
    const preamble = node.blocks.filter(
      (block) =>
        !isMetadataParagraph(block, sourceOf(text, block)) && block.type !== 'thematicBreak' && block.type !== 'html',
    );
    if (preamble.length > 0 || node.inlineText !== null)
      readSection(text, { ...node, title: 'Overview' }, 'overview', reading, { withChildren: false });
    for (const child of node.children)
      readSection(text, child, markerOf(child)?.sectionKind ?? incidentSectionKind(child.title), reading);
  } else {
    readSection(text, node, procedureKind(node), reading, { withChildren: !found.ownBlocksOnly });
  }
  let next = 1;
  const sections = [];
  for (const draft of reading.sections) {
    const steps = await finishSteps(draft.steps, next);
    next += steps.length;
    sections.push({
      kind: draft.kind,
      title: draft.title,
      text: draft.text.join('\n\n').trim(),
      steps,
      lines: draft.lines,
    });
  }
  const pairs = collectMetadata(text, node, found.ownBlocksOnly);
  const metadata = foldMetadata(pairs, frontMatter);
  const reference = /^(INC[-_ ]?\d+)/i.exec(title)?.[1]?.toUpperCase() ?? null;
  return {
    title,
    kind: found.kind,
    language: detectLanguage(sourceLines(text, node.lines)),
    metadata: {
      ...metadata,
      reference,
      services: [...new Set([...metadata.services, ...servicesNamedInSteps(sections)])],
    },
    symptoms: reading.symptoms,
    sections: sections.filter(
      (section) => section.text !== '' || section.steps.length > 0 || section.kind !== 'overview',
    ),
    lines: runbookLines(found),
  };
}

function incidentSectionKind(title: string): SectionKind {
  const kind = sectionKindOf(title);
  if (kind !== null) return kind;
  return draftSectionOf(title) ?? 'notes';
}

/** A procedure's one section: named by its own title, else by what its parents are about. */
function procedureKind(node: OutlineNode): SectionKind {
  for (let current: OutlineNode | null = node; current !== null; current = current.parent) {
    const kind = sectionKindOf(current.title);
    if (kind !== null && kind !== 'overview' && kind !== 'notes') return kind;
    const words = normalizeTitle(current.title);
    if (/diagnos|troubleshoot|depannage/.test(words)) return 'diagnosis';
    if (/recuperation|recovery|restaur|rollback|reprise/.test(words)) return 'recovery';
    if (/verification|verifier|check/.test(words)) return 'verification';
  }
  return 'resolution';
}

function collectMetadata(text: string, node: OutlineNode, ownOnly: boolean): MetadataLine[] {
  const pairs: MetadataLine[] = [];
  const read = (blocks: readonly RootContent[]): void => {
    for (const block of blocks) if (block.type === 'paragraph') pairs.push(...readMetadataPairs(sourceOf(text, block)));
  };
  const visit = (current: OutlineNode): void => {
    read(current.blocks);
    if (!ownOnly) current.children.forEach(visit);
  };
  visit(node);
  return pairs;
}

/** Services a runbook acts on by name: systemd units, compose services, Kubernetes deployments. */
function servicesNamedInSteps(sections: RunbookStructure['sections']): string[] {
  const names = new Set<string>();
  const patterns = [
    /systemctl\s+(?:restart|start|stop|reload|status)\s+([a-z][\w@.-]*)/g,
    /docker[- ]compose(?:\s+-f\s+\S+)?\s+(?:restart|stop|start|logs|ps|up\s+-d|exec(?:\s+-\w+)*)\s+([a-z][\w-]*)/g,
    /deployment\/([a-z][\w-]*)/g,
  ];
  for (const section of sections) {
    for (const step of section.steps) {
      if (step.kind !== 'command') continue;
      for (const pattern of patterns) for (const match of step.body.matchAll(pattern)) names.add(match[1]!);
    }
  }
  return [...names].filter((name) => !name.startsWith('<') && !name.startsWith('__'));
}
