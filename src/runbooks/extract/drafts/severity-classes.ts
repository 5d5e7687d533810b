import type { List, Paragraph, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Draft, LineRange } from '../../runbook-model.js';
import type { OutlineNode } from '../build-outline.js';
import type { SeverityClassesData } from './draft-data.js';
import { allNodes, titleNames } from './draft-titles.js';
import {
  collapse,
  columnIndex,
  itemParts,
  joinRanges,
  listsOf,
  rangeOf,
  splitPlainLabel,
  tableRows,
} from './md-blocks.js';
import { parseMinutes } from './parse-duration.js';
import { isTargetPhrase, levelsOf, readClassHead, splitCriteria, type ClassHead } from './severity-level.js';

type SeverityClass = SeverityClassesData['classes'][number];

/** A class as read, before the document's numbering is turned into P1–P4. */
interface Found {
  head: ClassHead;
  criteria: string[];
  targetMinutes: number | null;
  raw: string;
}

/**
 * Severity classes, from the three shapes runbooks use: one heading per level followed by its
 * criteria (`### P1 - Critique (Résolution < 1h)`), one bullet per level
 * (`- **P1 - Critical**: Service down, data loss`), or a table (Level | Description | Target).
 * Read under titles that name severities, and under any title whose sub-headings are levels.
 */
export function extractSeverityClasses(outline: OutlineNode): Draft[] {
  const drafts: Draft[] = [];
  for (const node of allNodes(outline)) {
    const levelChildren = node.children.filter(
      (child) => child.origin === 'heading' && readClassHead(child.title)?.number != null,
    );
    if (!titleNames(node.title, 'severity') && levelChildren.length < 2) continue;
    const found: Found[] = [];
    let range: LineRange | null = null;
    for (const child of node.children) {
      const head = child.origin === 'heading' ? readClassHead(child.title) : null;
      if (head === null) continue;
      found.push({ head, ...criteriaOf(child.blocks, child.inlineText), raw: child.title });
      range = joinRanges(
        range,
        joinRanges({ start: child.lines.start, end: child.lines.start }, rangeOf(child.blocks.filter(isListOrText))),
      );
    }
    for (const block of node.blocks) {
      const classes =
        block.type === 'list'
          ? fromList(block)
          : block.type === 'table'
            ? fromTable(block)
            : block.type === 'paragraph'
              ? fromParagraph(block)
              : [];
      found.push(...classes);
      if (classes.length > 0) range = joinRanges(range, rangeOf([block]));
    }
    const levels = levelsOf(found.map((entry) => entry.head));
    const classes: SeverityClass[] = found.flatMap((entry, index) => {
      const level = levels[index];
      if (level == null) return [];
      return [
        {
          level,
          name: entry.head.name,
          criteria: entry.criteria,
          resolutionTargetMinutes: entry.targetMinutes ?? entry.head.targetMinutes,
          raw: entry.raw,
        },
      ];
    });
    if (classes.length === 0 || range === null) continue;
    drafts.push({
      kind: 'severity-classes',
      title: node.title,
      data: { classes } satisfies SeverityClassesData,
      lines: { start: node.origin === 'root' ? range.start : node.lines.start, end: range.end },
    });
  }
  return drafts;
}

function isListOrText(block: RootContent): boolean {
  return block.type === 'list' || block.type === 'paragraph';
}

/** Criteria under a level heading: its list items and paragraphs; target phrases set the target. */
function criteriaOf(
  blocks: readonly RootContent[],
  inlineText: string | null,
): { criteria: string[]; targetMinutes: number | null } {
  const phrases = [
    ...(inlineText === null ? [] : splitCriteria(inlineText)),
    ...listsOf(blocks).flatMap((list) => list.children.map((item) => itemParts(item).text)),
  ];
  return separateTargets(phrases);
}

function separateTargets(phrases: readonly string[]): { criteria: string[]; targetMinutes: number | null } {
  const target = phrases.find(isTargetPhrase);
  return {
    criteria: phrases.filter((phrase) => !isTargetPhrase(phrase)),
    targetMinutes: target === undefined ? null : parseMinutes(target),
  };
}

/** `- **P1 - Critical**: Service down, data loss` (or without bold), criteria also from sub-items. */
function fromList(list: List): Found[] {
  return list.children.flatMap((item) => {
    const parts = itemParts(item);
    const split = parts.label === null ? splitPlainLabel(parts.text) : { label: parts.label, rest: parts.rest };
    const head = readClassHead(split?.label ?? parts.text);
    // A bare name ("Low") heads a class only as a label, not as the first words of a sentence.
    if (head === null || (head.number === null && split === null)) return [];
    const subItems = listsOf(item.children).flatMap((sub) => sub.children.map((child) => itemParts(child).text));
    return [{ head, ...separateTargets([...splitCriteria(split?.rest ?? ''), ...subItems]), raw: parts.text }];
  });
}

/** `**P1 - Critique** : Service indisponible, perte de données` written as a paragraph. */
function fromParagraph(paragraph: Paragraph): Found[] {
  const [first, ...others] = paragraph.children;
  if (first?.type !== 'strong') return [];
  const head = readClassHead(toString(first).replace(/\s*:\s*$/, ''));
  if (head === null) return [];
  const rest = collapse(others.map((child) => toString(child)).join('')).replace(/^[:\-–—]\s*/, '');
  return [{ head, ...separateTargets(splitCriteria(rest)), raw: collapse(toString(paragraph)) }];
}

/** Level | (Name) | Description | Target, the level and name possibly in one cell. */
function fromTable(table: Table): Found[] {
  const { header, rows } = tableRows(table);
  const levelColumn = columnIndex(header, /niveau|level|severit|priorit|gravite|classe|^\s*sev|^\s*p\s*$/);
  if (levelColumn < 0) return [];
  const nameColumn = columnIndex(header, /^(nom|name|libelle|label|intitule)/);
  const criteriaColumn = columnIndex(
    header,
    /descr|criter|exemple|example|impact|definition|quand|when|symptom|condition/,
  );
  const resolution = columnIndex(header, /resolution|resolve|restaur/);
  const targetColumn = resolution >= 0 ? resolution : columnIndex(header, /target|objectif|cible|sla|delai|temps|time/);
  return rows.flatMap((row) => {
    const cell = (index: number): string => (index < 0 ? '' : (row.cells[index] ?? ''));
    const headText = nameColumn >= 0 ? `${cell(levelColumn)} - ${cell(nameColumn)}` : cell(levelColumn);
    const head = readClassHead(headText);
    if (head === null) return [];
    return [
      {
        head,
        criteria: splitCriteria(cell(criteriaColumn)),
        targetMinutes: parseMinutes(cell(targetColumn)),
        raw: collapse(row.cells.join(' | ')),
      },
    ];
  });
}
