/** Longest runbook id: long titles are cut at a word boundary. */
export const maxSlugLength = 80;

/** Letters NFKD does not decompose into ASCII. */
const ligatures: Record<string, string> = {
  œ: 'oe',
  Œ: 'oe',
  æ: 'ae',
  Æ: 'ae',
  ß: 'ss',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  þ: 'th',
};

/**
 * A runbook id from its title: lowercase ASCII, accents stripped, emoji and punctuation dropped,
 * words joined by `-`, at most `maxLength` characters (cut between words when possible).
 * A title with nothing usable gives `runbook`.
 */
export function slugifyTitle(title: string, maxLength = maxSlugLength): string {
  const ascii = title
    .replace(/[œŒæÆßøØłŁđĐþ]/g, (letter) => ligatures[letter] ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
  const words = ascii.split(/[^a-z0-9]+/).filter((word) => word.length > 0);
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > maxLength) {
      // A first word longer than the limit is cut; otherwise stop before the word that overflows.
      if (slug === '') slug = word.slice(0, maxLength);
      break;
    }
    slug = next;
  }
  return slug === '' ? 'runbook' : slug;
}

/**
 * Slugs for the runbooks of one import, in order: a title whose slug an earlier runbook of the same
 * import took gets `-2`, `-3` … (still within the length limit).
 */
export function assignSlugs(titles: readonly string[]): string[] {
  const taken = new Set<string>();
  return titles.map((title) => {
    const base = slugifyTitle(title);
    let slug = base;
    for (let n = 2; taken.has(slug); n += 1) {
      const suffix = `-${n}`;
      slug = `${slugifyTitle(title, maxSlugLength - suffix.length)}${suffix}`;
    }
    taken.add(slug);
    return slug;
  });
}
