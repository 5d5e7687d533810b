import type { Code, Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Draft, LineRange } from '../../runbook-model.js';
import { lineOf, type OutlineNode } from '../build-outline.js';
import { metadataKeyOf, sectionKindOf } from '../classify-title.js';
import { sourceLines } from '../source-text.js';
import { quotedAlertName, readAlertLine, type AlertLine, type AlertMode } from './alert-line.js';
import type { AlertRule, AlertRulesData } from './draft-data.js';
import { allNodes, ancestorsOf, draftTitle, titleNames } from './draft-titles.js';
import { itemParts, joinRanges, listsOf, rangeOf } from './md-blocks.js';
import { readPrometheusRules } from './prometheus-rules.js';

/** Code that can hold alert definitions; shell and SQL hold comparisons that are not alerts. */
const alertCodeLanguages = /^(|ya?ml|te?xt|plain\w*|promql|prometheus|alerts?|conf|ini)$/i;

/**
 * Alert rules, wherever they are: under alert and metric titles at any depth ("Alertes Critiques",
 * "Métriques critiques", a runbook's "Monitoring"), and as explicit `Alert: …` lines in a runbook's
 * prevention or detection section. One draft per titled part holding rules.
 */
export function extractAlertRules(outline: OutlineNode, text: string): Draft[] {
  const drafts: Draft[] = [];
  for (const node of allNodes(outline)) {
    const mode = modeOf(node);
    if (mode === null) continue;
    const severity = /critique|critical/i.test(node.title)
      ? 'critical'
      : /warning|avertissement/i.test(node.title)
        ? 'warning'
        : runbookSeverity(node);
    const rules: AlertRule[] = [];
    let range: LineRange | null = null;
    if (node.inlineText !== null) {
      const rule = readAlertLine(
        { text: node.inlineText, label: null, rest: node.inlineText, codes: [], line: node.lines.start },
        mode,
        severity,
      );
      if (rule !== null) {
        rules.push(rule);
        range = { start: node.lines.start, end: node.lines.start };
      }
    }
    for (const block of node.blocks) {
      const found = rulesIn(block, mode, severity, text);
      if (found.length === 0) continue;
      rules.push(...found);
      range = joinRanges(range, rangeOf([block]));
    }
    if (rules.length === 0 || range === null) continue;
    const start = mode === 'prose' ? range.start : node.lines.start;
    drafts.push({
      kind: 'alert-rules',
      title: draftTitle(node),
      data: { rules } satisfies AlertRulesData,
      lines: { start, end: range.end },
    });
  }
  return drafts;
}

/**
 * The severity of the runbook the rules sit in (`**Severité**: 🔴 CRITICAL` → `critical`): an
 * alert written in a runbook's prevention section pages at that runbook's severity.
 */
function runbookSeverity(node: OutlineNode): string | null {
  for (const ancestor of [node, ...ancestorsOf(node)]) {
    const label = ancestor.children.find(
      (child) => child.origin === 'label' && metadataKeyOf(child.title) === 'severity',
    );
    const paragraph = ancestor.blocks.find(
      (block): block is Paragraph =>
        block.type === 'paragraph' &&
        block.children[0]?.type === 'strong' &&
        metadataKeyOf(toString(block.children[0])) === 'severity',
    );
    const value = label?.inlineText ?? (paragraph === undefined ? null : toString(paragraph).replace(/^[^:]*:/, ''));
    const word = value === null ? null : (/[\p{L}\p{N}]+/u.exec(value.split('\n')[0] ?? '')?.[0] ?? null);
    if (word !== null) return /^p\d$/i.test(word) ? word.toUpperCase() : word.toLowerCase();
  }
  return null;
}

/** The node's own title decides; untitled parts under an alert or metric title need thresholds. */
function modeOf(node: OutlineNode): AlertMode | null {
  if (titleNames(node.title, 'alerts')) return 'alerts';
  if (titleNames(node.title, 'metrics')) return 'metrics';
  const kind = sectionKindOf(node.title);
  if (kind === 'prevention' || kind === 'detection') return 'prose';
  if (
    kind === null &&
    ancestorsOf(node).some((ancestor) => titleNames(ancestor.title, 'alerts') || titleNames(ancestor.title, 'metrics'))
  )
    return 'metrics';
  return null;
}

function rulesIn(block: RootContent, mode: AlertMode, severity: string | null, text: string): AlertRule[] {
  if (block.type === 'list') {
    return listsOf([block]).flatMap((list) =>
      list.children.flatMap((item) => {
        const parts = itemParts(item);
        const rule = readAlertLine(
          { text: parts.text, label: parts.label, rest: parts.rest, codes: parts.codes, line: parts.line },
          mode,
          severity,
        );
        return rule === null ? [] : [rule];
      }),
    );
  }
  if (block.type === 'code' && alertCodeLanguages.test(block.lang ?? ''))
    return rulesInCode(block, mode, severity, text);
  return [];
}

/** Prometheus YAML if it is that, else one rule per line (comments skipped, `- ` dropped). */
function rulesInCode(code: Code, mode: AlertMode, severity: string | null, text: string): AlertRule[] {
  const fenceLine = lineOf(code);
  // A fenced block's content starts on the line after the fence.
  const firstLine = /^\s*(```|~~~)/.test(sourceLines(text, { start: fenceLine, end: fenceLine }))
    ? fenceLine + 1
    : fenceLine;
  const prometheus = readPrometheusRules(code.value, firstLine);
  if (prometheus !== null) return prometheus;
  const rules: AlertRule[] = [];
  const lines = code.value.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!.trim();
    if (line === '' || /^(#|\/\/|--\s)/.test(line)) continue;
    const quoted = quotedAlertName(line);
    const next = lines[index + 1]?.trim() ?? '';
    if (quoted !== null && next !== '' && quotedAlertName(next) === null) {
      // `Alert: "Impayes Critiques"` then its condition on the next line.
      const input: AlertLine = {
        text: `${line}\n${next}`,
        label: quoted,
        rest: next,
        codes: [],
        line: firstLine + index,
      };
      const rule = readAlertLine(input, mode === 'prose' ? 'alerts' : mode, severity);
      if (rule !== null) rules.push({ ...rule, raw: input.text });
      index += 1;
      continue;
    }
    const content = line.replace(/^[-*]\s+/, '');
    const codes = [...content.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
    const rule = readAlertLine(
      { text: content, label: null, rest: content, codes, line: firstLine + index },
      mode,
      severity,
    );
    if (rule !== null) rules.push(rule);
  }
  return rules;
}
