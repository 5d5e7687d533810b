import type { PostmortemSection, SectionKind } from './postmortem-model.js';

/** The sections of a post-mortem when no template was adopted, in their order. */
const defaultTitles: readonly [SectionKind, string][] = [
  ['summary', 'Summary'],
  ['impact', 'Impact'],
  ['timeline', 'Timeline'],
  ['durations', 'Durations'],
  ['rootCause', 'Root cause'],
  ['resolution', 'Resolution'],
  ['actions', 'Corrective actions'],
  ['lessons', 'Lessons learned'],
];

/** Sections every post-mortem has, whatever its template forgot. */
const requiredKinds: readonly SectionKind[] = [
  'summary',
  'impact',
  'timeline',
  'durations',
  'rootCause',
  'actions',
  'lessons',
];

/** A template's heading → what it holds (accents and case folded); the first match wins. */
const headingKinds: readonly [RegExp, SectionKind | 'skip'][] = [
  // Date and duration fields are in the document's header, measured: the template's blanks go.
  [/^(date|duree|duration|heure|incident)\b/, 'skip'],
  [/(resume|summary|synthese|overview|contexte)/, 'summary'],
  [/impact/, 'impact'],
  [/(timeline|chronolog|deroulement|sequence)/, 'timeline'],
  [/(cause|root|pourquoi|why)/, 'rootCause'],
  [/(resolution|mitigation|remediation|correction apportee)/, 'resolution'],
  [/(action|correcti|preventi|suivi|follow)/, 'actions'],
  [/(lesson|lecon|learn|enseignement|retour|amelioration)/, 'lessons'],
];

const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** What a heading of a template holds, `custom` when nothing says, `skip` for header fields. */
export function sectionKindOf(heading: string): SectionKind | 'skip' {
  const folded = fold(heading);
  return headingKinds.find(([pattern]) => pattern.test(folded))?.[1] ?? 'custom';
}

/** Unique keys: the kind for the first of a kind, then `kind-2`…; custom ones by position. */
function keyed(entries: readonly { kind: SectionKind; title: string; body: string }[]): PostmortemSection[] {
  const used = new Map<string, number>();
  return entries.map((entry) => {
    const base = entry.kind === 'rootCause' ? 'root-cause' : entry.kind;
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    return { key: count === 1 ? base : `${base}-${count}`, ...entry };
  });
}

/**
 * The sections of a new post-mortem: the template's headings in its order and words when a
 * template was adopted (`Résumé`, `Root Cause`, `Actions Correctives` …), each with what it holds,
 * followed by any section every post-mortem needs that the template lacks; the default list
 * otherwise. Summary and impact start from the incident's own; the rest is the humans' to write.
 */
export function initialSections(
  templateHeadings: readonly string[] | null,
  incident: { summary: string; impact: string },
): PostmortemSection[] {
  const bodies: Partial<Record<SectionKind, string>> = { summary: incident.summary, impact: incident.impact };
  const fromTemplate = (templateHeadings ?? []).flatMap((title) => {
    const kind = sectionKindOf(title);
    return kind === 'skip' ? [] : [{ kind, title: title.slice(0, 200) }];
  });
  const chosen = fromTemplate.length > 0 ? fromTemplate : defaultTitles.map(([kind, title]) => ({ kind, title }));
  const missing = requiredKinds
    .filter((kind) => !chosen.some((section) => section.kind === kind))
    .map((kind) => ({ kind, title: defaultTitles.find(([known]) => known === kind)![1] }));
  const seen = new Set<SectionKind>();
  return keyed(
    [...chosen, ...missing].map((section) => {
      // A kind's starting text goes to its first section only.
      const body = seen.has(section.kind) ? '' : (bodies[section.kind] ?? '');
      seen.add(section.kind);
      return { ...section, body };
    }),
  );
}
