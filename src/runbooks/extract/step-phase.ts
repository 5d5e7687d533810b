import type { Step } from '../runbook-model.js';
import { normalizeTitle } from './normalize-title.js';

/** `**Court terme**: …` → short-term; the resolution's horizons in French and English. */
export function phaseOf(label: string): Step['phase'] {
  const normalized = normalizeTitle(label);
  if (/\b(court terme|short term|immediat|immediate|quick fix|tout de suite)\b/.test(normalized)) return 'short-term';
  if (/\b(moyen terme|medium term|mid term)\b/.test(normalized)) return 'medium-term';
  if (/\b(long terme|long term|durable|permanent fix)\b/.test(normalized)) return 'long-term';
  return null;
}
