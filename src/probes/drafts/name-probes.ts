/** The longest probe name (`CreateProbeInput.name`). */
export const maxProbeNameLength = 200;

const flat = (text: string): string =>
  text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();

/** Cuts a text to `max` code points, marking the cut with `…`. */
function cut(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/**
 * `<title> — <what>` in at most 200 characters, on one line: the title gives way first, since
 * what the probe checks (`api.example.com/health`) is what tells probes of one runbook apart.
 */
export function composeProbeName(title: string, what: string): string {
  const label = cut(flat(what), maxProbeNameLength - 4);
  const room = maxProbeNameLength - [...label].length - 3;
  const head = cut(flat(title), room);
  return head === '' ? label : `${head} — ${label}`;
}

/**
 * `name`, or `name (2)`, `name (3)`… the first not in `taken` (compared as written), which it is
 * then added to. The suffix always fits: the name is cut before it when needed.
 */
export function claimProbeName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let count = 2; taken.has(candidate); count++) {
    const suffix = ` (${count})`;
    candidate = `${cut(name, maxProbeNameLength - suffix.length)}${suffix}`;
  }
  taken.add(candidate);
  return candidate;
}
