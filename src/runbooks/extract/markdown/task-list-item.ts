import type { ListItem } from 'mdast';

/** `[ ]`, `[x]` or `[X]`, then the whitespace GFM wants after it. */
const checkbox = /^\[([ xX])\][ \t\n]/;

/**
 * GFM task list items (`- [ ] Vérifier les logs`), which markdown-it does not parse: an item whose
 * first paragraph, on the marker's line, opens with a checkbox followed by more text gets
 * `checked`, and loses the checkbox and the whitespace after it, as mdast-util-gfm-task-list-item
 * does (the paragraph then starts past them).
 */
export function checkTaskItem(item: ListItem, text: string): void {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph' || paragraph.position?.start.line !== item.position?.start.line) return;
  const head = paragraph.children[0];
  if (head?.type !== 'text') return;
  const match = checkbox.exec(head.value);
  if (match === null || (head.value.length === 4 && paragraph.children.length === 1)) return;
  const start = paragraph.position!.start;
  // Only when the checkbox is written at the paragraph's start (not `\[x]` or an entity).
  if (text.slice(start.offset, start.offset! + 3) !== match[0].slice(0, 3)) return;
  item.checked = match[1] !== ' ';
  head.value = head.value.slice(4);
  if (head.value === '') paragraph.children.shift();
  paragraph.position = {
    start: { line: start.line, column: start.column + 4, offset: start.offset! + 4 },
    end: paragraph.position!.end,
  };
}
