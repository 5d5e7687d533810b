import type { List, RootContent } from 'mdast';
import type { SectionKind } from '../runbook-model.js';
import { readMarker, type Marker } from '../runbook-markers.js';
import { isLinkOnly } from './bare-urls.js';
import type { OutlineNode } from './build-outline.js';
import { hasRunbookMarker, sectionKindOf } from './classify-title.js';
import { draftKindOf } from './drafts/draft-kind-of.js';

/** Section kinds that only a runbook has; communication or prevention alone do not make one. */
const coreKinds: ReadonlySet<SectionKind> = new Set([
  'symptoms',
  'detection',
  'diagnosis',
  'causes',
  'resolution',
  'mitigation',
  'recovery',
  'verification',
]);

export interface RunbookNode {
  node: OutlineNode;
  kind: 'incident' | 'procedure';
  /** For procedures: only the node's own blocks belong to it (its children are runbooks of their own). */
  ownBlocksOnly: boolean;
  /** Its sub-parts are its sections (Diagnosis, Resolution …); otherwise it is one section itself. */
  structured: boolean;
}

/**
 * Whether a titled part reads as one incident runbook: marked as such (`RUNBOOK:`, `INC-003`), or
 * most of its children are sections of at least two different core kinds (Symptoms, Diagnosis,
 * Solution, Verification …).
 */
export function isIncidentRunbook(node: OutlineNode): boolean {
  if (node.origin !== 'root' && hasRunbookMarker(node.title)) return true;
  if (node.children.length === 0) return false;
  const kinds = node.children.map((child) => sectionKindOf(child.title));
  const core = new Set(kinds.filter((kind): kind is SectionKind => kind !== null && coreKinds.has(kind)));
  const classified = kinds.filter((kind) => kind !== null).length;
  return core.size >= 2 && classified * 2 >= node.children.length;
}

/**
 * An incident runbook names its incident (`RUNBOOK:`, `INC-003`) or says how it shows itself
 * (symptoms, detection); otherwise a structured part is a procedure (`Commandes de diagnostic`).
 */
function readsAsIncident(node: OutlineNode): boolean {
  if (hasRunbookMarker(node.title)) return true;
  return node.children.some((child) => {
    const kind = sectionKindOf(child.title);
    return kind === 'symptoms' || kind === 'detection';
  });
}

const isStepBlock = (block: RootContent): boolean =>
  block.type === 'code' ||
  (block.type === 'list' && ((block.ordered === true && !isListOfLinks(block)) || hasCode(block)));

/** A numbered table of contents (`1. [Contacts](#contacts)`) or list of addresses is not a list of steps. */
function isListOfLinks(list: List): boolean {
  return list.children.every((item) => {
    const first = item.children[0];
    return first?.type === 'paragraph' && isLinkOnly(first);
  });
}

function hasCode(block: RootContent): boolean {
  if (block.type === 'code') return true;
  return 'children' in block && (block.children as RootContent[]).some(hasCode);
}

/**
 * Walks the outline top-down. The first node on each path that reads as an incident runbook is
 * one (its sub-headings are its sections and step titles). Elsewhere, a part that holds commands
 * or numbered steps of its own is a procedure (`### Récupération complète du système`). Parts
 * that name an incident-process draft (contacts, escalation, checklists …) are left to the drafts.
 */
export function findRunbookNodes(outline: OutlineNode): RunbookNode[] {
  const found: RunbookNode[] = [];
  const visit = (node: OutlineNode): void => {
    const marked = markerOf(node)?.runbookKind;
    if (marked !== undefined && node.origin !== 'root') {
      found.push({ node, kind: marked, ownBlocksOnly: false, structured: true });
      return;
    }
    if (isIncidentRunbook(node)) {
      found.push({
        node,
        kind: readsAsIncident(node) ? 'incident' : 'procedure',
        ownBlocksOnly: false,
        structured: true,
      });
      return;
    }
    const draft = node.origin === 'root' ? null : draftKindOf(node.title);
    if (draft !== null && !node.blocks.some((block) => block.type === 'code' && isShellLike(block.lang))) {
      node.children.forEach(visit);
      return;
    }
    if (node.origin !== 'root' && node.blocks.some(isStepBlock)) {
      found.push({ node, kind: 'procedure', ownBlocksOnly: node.children.length > 0, structured: false });
    }
    node.children.forEach(visit);
  };
  visit(outline);
  return found;
}

/** The marker comment a canonical export puts first under a heading, if any. */
export function markerOf(node: OutlineNode): Marker | null {
  const first = node.blocks[0];
  return first?.type === 'html' ? readMarker(first.value) : null;
}

function isShellLike(lang: string | null | undefined): boolean {
  return lang !== null && lang !== undefined && /^(bash|sh|shell|zsh|console|sql|psql)$/i.test(lang);
}
