import { readFileSync } from 'node:fs';
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/runbooks/extract/parse-markdown.js';
import { seedFiles, seedsAvailable, seedText } from '../../support/seeds.js';
import { referenceTree } from './micromark-reference.js';

const containers = new Set(['root', 'blockquote', 'list', 'listItem', 'table', 'tableRow']);

/**
 * What the extractor reads of a tree, as plain data: every block node with its type, place
 * (line, column, offset of both ends), plain text and the fields of its kind; inline nodes by
 * type and text only (nothing reads their places).
 */
function outline(node: Nodes, block = true): unknown {
  const { type } = node;
  const fields = Object.fromEntries(
    ['depth', 'ordered', 'start', 'checked', 'lang', 'meta', 'value', 'url', 'title', 'alt', 'align']
      .filter((key) => key in node && !(key === 'start' && type !== 'list'))
      .map((key) => [key, (node as unknown as Record<string, unknown>)[key] ?? null]),
  );
  const place =
    block && type !== 'tableCell' && node.position !== undefined
      ? `${node.position.start.line}:${node.position.start.column}(${node.position.start.offset})-${node.position.end.line}:${node.position.end.column}(${node.position.end.offset})`
      : undefined;
  const children = 'children' in node ? node.children.map((child) => outline(child, containers.has(type))) : undefined;
  return {
    type,
    ...(place === undefined ? {} : { place }),
    text: toString(node),
    ...fields,
    ...(children === undefined ? {} : { children }),
  };
}

const shapes = readFileSync(new URL('fixtures/markdown-shapes.md', import.meta.url), 'utf8');

describe('parseMarkdown', () => {
  it('gives the tree remark’s own parser gives, places included, on a file of every shape runbooks take', () => {
    expect(outline(parseMarkdown(shapes))).toEqual(outline(referenceTree(shapes)));
  });

  it.skipIf(!seedsAvailable)('gives the tree remark’s own parser gives on every seed runbook', () => {
    for (const file of seedFiles()) {
      const text = seedText(file.slice(0, 3));
      expect(outline(parseMarkdown(text)), file).toEqual(outline(referenceTree(text)));
    }
  });

  it('ends a list in a block quote at its last item (remark stretches it over a blank quoted line after it)', () => {
    const quote = parseMarkdown('> - one\n> - two\n>\n> after\n').children[0];
    if (quote?.type !== 'blockquote') throw new Error('expected a block quote');
    expect(quote.children[0]!.position?.end).toEqual({ line: 2, column: 8, offset: 15 });
  });

  it('reads task list items and drops their checkbox, as GFM does', () => {
    const root = parseMarkdown('- [ ] restart the worker\n- [x] drain the queue\n- [ ]no space, no task\n');
    const list = root.children[0];
    if (list?.type !== 'list') throw new Error('expected a list');
    expect(list.children.map((item) => [item.checked, toString(item)])).toEqual([
      [false, 'restart the worker'],
      [true, 'drain the queue'],
      [null, '[ ]no space, no task'],
    ]);
    expect(list.children[0]!.children[0]!.position?.start).toEqual({ line: 1, column: 7, offset: 6 });
  });

  it('keeps YAML front matter as a yaml node, and the lines after it where they are', () => {
    const root: Root = parseMarkdown('---\nservice: api\nrto: 1h\n---\n# Title\n');
    expect(root.children.map((node) => node.type)).toEqual(['yaml', 'heading']);
    expect(root.children[0]).toMatchObject({ value: 'service: api\nrto: 1h' });
    expect(root.children[1]!.position?.start).toEqual({ line: 5, column: 1, offset: 29 });
    expect(parseMarkdown('---\nnot closed\n').children[0]!.type).toBe('thematicBreak');
  });

  it('keeps link reference definitions as nodes, and resolves the links that use them', () => {
    const root = parseMarkdown(
      'See [the dashboard][grafana].\n\n[grafana]: https://grafana.example.test/d/api "API"\n',
    );
    expect(root.children.map((node) => node.type)).toEqual(['paragraph', 'definition']);
    expect(root.children[1]).toMatchObject({
      url: 'https://grafana.example.test/d/api',
      title: 'API',
      label: 'grafana',
      position: { start: { line: 3, column: 1 } },
    });
    const paragraph = root.children[0];
    if (paragraph?.type !== 'paragraph') throw new Error('expected a paragraph');
    // remark keeps a linkReference here; the resolved link serves every reader of links.
    expect(paragraph.children[1]).toMatchObject({ type: 'link', url: 'https://grafana.example.test/d/api' });
  });

  it('keeps link targets as written, neither percent-encoded nor refused', () => {
    const paragraph = parseMarkdown('[Grafana](https://grafana.example.test/d/é?var=a b) [x](javascript:alert(1))\n')
      .children[0];
    if (paragraph?.type !== 'paragraph') throw new Error('expected a paragraph');
    expect(paragraph.children.filter((node) => node.type === 'link').map((node) => node.url)).toEqual([
      'javascript:alert(1)',
    ]);
    const plain = parseMarkdown('[Grafana](<https://grafana.example.test/d/é?var=a b>)\n').children[0];
    if (plain?.type !== 'paragraph') throw new Error('expected a paragraph');
    expect(plain.children[0]).toMatchObject({ type: 'link', url: 'https://grafana.example.test/d/é?var=a b' });
  });
});
