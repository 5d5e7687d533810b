import type { RunbookStructure, SectionKind } from './runbook-model.js';
import { sectionKinds } from './runbook-model.js';

/**
 * What canonical Markdown cannot say in plain words: a runbook's kind or a section's kind that its
 * title does not reveal. Written as an HTML comment under the heading (invisible when rendered),
 * read back by the extractor: `<!-- astreinte: kind=incident -->`, `<!-- astreinte: section=diagnosis -->`.
 */
const markerPattern = /^<!--\s*astreinte:\s*([\s\S]*?)\s*-->$/;

export interface Marker {
  runbookKind?: RunbookStructure['kind'];
  sectionKind?: SectionKind;
}

export function renderMarker(marker: Marker): string {
  const parts = [
    ...(marker.runbookKind === undefined ? [] : [`kind=${marker.runbookKind}`]),
    ...(marker.sectionKind === undefined ? [] : [`section=${marker.sectionKind}`]),
  ];
  return `<!-- astreinte: ${parts.join(' ')} -->`;
}

/** Reads a marker comment, or null when the HTML is something else. */
export function readMarker(html: string): Marker | null {
  const match = markerPattern.exec(html.trim());
  if (match === null) return null;
  const marker: Marker = {};
  for (const pair of (match[1] ?? '').split(/\s+/)) {
    const [key, value] = pair.split('=');
    if (key === 'kind' && (value === 'incident' || value === 'procedure')) marker.runbookKind = value;
    if (key === 'section' && (sectionKinds as readonly string[]).includes(value ?? ''))
      marker.sectionKind = value as SectionKind;
  }
  return marker;
}
