import type { List, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Draft, LineRange } from '../../runbook-model.js';
import type { OutlineNode } from '../build-outline.js';
import type { EscalationPolicyData } from './draft-data.js';
import { allNodes, titleNames } from './draft-titles.js';
import { readLevelLabel, readLevelText, startsOf, type LevelText } from './escalation-level.js';
import { columnIndex, itemParts, joinRanges, plain, rangeOf, splitPlainLabel, tableRows } from './md-blocks.js';
import { parseWindow } from './parse-duration.js';

const levelColumnPattern = /niveau|level|tier|palier|etape|step|rang|ordre|order|^\s*(#|n°?|l)\s*$/;
const whoColumnPattern =
  /responsable|qui\b|who|contact|personne|person|escalade vers|escalate to|equipe|team|astreinte|on.?call|owner|destinataire/;
const timeColumnPattern = /delai|delay|apres|after|temps|time|quand|when|sla|repon|respon|timeout|duree|duration|ack/;
const responseColumnPattern = /repon|respon|ack|prise en charge|timeout|sla/;

/**
 * Escalation policies: numbered or labelled lists under an escalation title
 * (`1. **Niveau 1**: Développeur on-call (0-15 min)`), and tables with a level, a who and a time
 * column (`| Niveau | Responsable | Délai de réponse |`), the latter wherever they are.
 */
export function extractEscalationPolicies(outline: OutlineNode): Draft[] {
  const drafts: Draft[] = [];
  for (const node of allNodes(outline)) {
    const named = titleNames(node.title, 'escalation');
    const levels: LevelText[] = [];
    let range: LineRange | null = null;
    for (const block of node.blocks) {
      const found =
        block.type === 'list' && named ? fromList(block) : block.type === 'table' ? fromTable(block, named) : [];
      if (found.length === 0) continue;
      levels.push(...found);
      range = joinRanges(range, rangeOf([block]));
    }
    if (levels.length === 0 || range === null) continue;
    const starts = startsOf(levels);
    const data: EscalationPolicyData = {
      levels: levels.map((level, index) => ({
        level: level.level,
        target: level.target,
        role: level.role,
        delayMinutes: starts[index] ?? null,
        responseMinutes: level.responseMinutes,
        windowRaw: level.windowRaw,
        notes: level.notes,
      })),
      repeat: repeatOf(node.blocks),
    };
    drafts.push({
      kind: 'escalation-policy',
      title: node.title,
      data,
      lines: { start: named ? node.lines.start : range.start, end: range.end },
    });
  }
  return drafts;
}

/** Items with a level label, or every item of a numbered list (its position is the level). */
function fromList(list: List): LevelText[] {
  const first = list.start ?? 1;
  return list.children.flatMap((item, index) => {
    const parts = itemParts(item);
    const split = parts.label === null ? splitPlainLabel(parts.text) : { label: parts.label, rest: parts.rest };
    const label = split === null ? null : readLevelLabel(split.label);
    if (label !== null) return [readLevelText(label.level, label.role, split!.rest)];
    if (list.ordered !== true) return [];
    return [readLevelText(first + index, null, parts.text)];
  });
}

/**
 * A table with a level and a who column. Outside an escalation title it also needs a time column,
 * so that any table with a "Level" column is not taken for a policy.
 */
function fromTable(table: Table, named: boolean): LevelText[] {
  const { header, rows } = tableRows(table);
  const levelColumn = columnIndex(header, levelColumnPattern);
  const whoColumn = header.findIndex((cell, index) => index !== levelColumn && whoColumnPattern.test(plain(cell)));
  const timeColumn = header.findIndex(
    (cell, index) => index !== levelColumn && index !== whoColumn && timeColumnPattern.test(plain(cell)),
  );
  if (levelColumn < 0 || whoColumn < 0 || (!named && timeColumn < 0)) return [];
  // A table of P1/SEV1 levels with an owner and a delay is a severity table, unless titled otherwise.
  if (!named && rows.some((row) => /^\s*(p|sev)\s*-?\s*\d/i.test(row.cells[levelColumn] ?? ''))) return [];
  const roleColumn = header.findIndex((cell, index) => index !== whoColumn && /^r[oô]le/i.test(cell.trim()));
  const isResponse = timeColumn >= 0 && responseColumnPattern.test(plain(header[timeColumn]!));
  return rows.map((row, index) => {
    const cell = (column: number): string => (column < 0 ? '' : (row.cells[column] ?? '')).trim();
    const label = readLevelLabel(cell(levelColumn));
    const time = cell(timeColumn);
    const window = time === '' ? null : parseWindow(time);
    // A range (`0-15 min`) always says when the level starts; a bare delay is read by its column.
    const asResponse = window !== null && isResponse && window.form === 'plain';
    const level = readLevelText(
      label?.level ?? index + 1,
      roleColumn >= 0 ? nonEmpty(cell(roleColumn)) : (label?.role ?? null),
      cell(whoColumn),
    );
    return {
      ...level,
      windowRaw: time === '' ? level.windowRaw : time,
      startMinutes: window === null || asResponse ? level.startMinutes : window.startMinutes,
      responseMinutes: asResponse ? window.startMinutes : level.responseMinutes,
    };
  });
}

function nonEmpty(text: string): string | null {
  return text === '' ? null : text;
}

/** `Répéter 2 fois`, `repeat 3 times`: how often the whole policy runs again. */
function repeatOf(blocks: readonly RootContent[]): number | null {
  const text = blocks
    .filter((block) => block.type === 'paragraph')
    .map((block) => toString(block))
    .join('\n');
  const match = /\b(?:r[ée]p[ée]t\w*|repeat\w*|relanc\w*)\b[^.\n]*?(\d+)\s*(?:fois|times|x)\b/i.exec(text);
  return match === null ? null : Number(match[1]);
}
