/**
 * One colour per person in the timeline, the same on every page and after every edit (from the
 * user id, not from the order people appear in). Light fills under dark text: readable in the
 * light and the night theme alike (the text colour is set with them, not inherited).
 */
const palette = [
  '#b6e3ff',
  '#ffd8b5',
  '#c7f0c0',
  '#f5c2e7',
  '#fff1a8',
  '#d4c8ff',
  '#a8efe6',
  '#ffc9c9',
  '#e0e6b0',
  '#cfd8e3',
] as const;

export function personColour(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i += 1) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return palette[hash % palette.length]!;
}
