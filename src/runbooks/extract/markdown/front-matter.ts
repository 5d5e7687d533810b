import type { Yaml } from 'mdast';

/** `---` on the first line, YAML, `---` alone on a line: what micromark-extension-frontmatter reads. */
const frontMatter = /^---[ \t]*\n(?:([\s\S]*?)\n)?---[ \t]*(?=\n|$)/;

/** YAML front matter, and the text with it blanked out (same length and lines) for the Markdown parser. */
export function splitFrontMatter(text: string): { yaml: Yaml | null; markdown: string } {
  const match = frontMatter.exec(text);
  if (match === null) return { yaml: null, markdown: text };
  const end = match[0].length;
  const lastLine = match[0].split('\n').length;
  const yaml: Yaml = {
    type: 'yaml',
    value: match[1] ?? '',
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: lastLine, column: end - match[0].lastIndexOf('\n'), offset: end },
    },
  };
  // Spaces keep every offset and line number of what follows as they are in the text.
  return { yaml, markdown: match[0].replace(/[^\n]/g, ' ') + text.slice(end) };
}
