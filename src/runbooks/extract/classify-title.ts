import type { SectionKind } from '../runbook-model.js';
import { normalizeTitle } from './normalize-title.js';

/**
 * Section titles in French and English, matched on the normalised title (no accents, no emoji,
 * no numbering). Order matters: the first rule that matches wins, so narrower words come first
 * ("Actions de mitigation" is mitigation before "Actions" is resolution).
 */
const sectionRules: [SectionKind, RegExp][] = [
  ['symptoms', /^(symptom|signes?\b|signs?\b|manifestations?\b|what you see)/],
  ['detection', /^(detection|detecte|detect\b|alerte automatique|alerting\b)/],
  [
    'mitigation',
    /^(mitigation|mitigate|attenuation|contournement|workaround|mode degrade|degraded mode|actions? de mitigation|scaling d urgence|emergency scaling)/,
  ],
  [
    'diagnosis',
    /^(diagnos|investigat|analy[sz]|troubleshoot|depannage|verifier l etat|verification de l etat|check the state|identifi|triage|commandes de diagnostic|first checks|premieres verifications)/,
  ],
  ['causes', /^(causes?\b|cause racine|root cause|origines?\b|pourquoi)/],
  [
    'recovery',
    /^(recuperation|recovery|recover\b|restaur|restore|reprise|disaster|plan de reprise|rollback|retour arriere|roll back)/,
  ],
  [
    'verification',
    /^(verification|verifier|verify|validation|valider|validate|tests?\b|tester\b|controle|confirm|post checks?|smoke)/,
  ],
  ['prevention', /^(prevention|prevenir|prevent|eviter|avoid|monitoring|surveillance|suivi\b|follow up|hardening)/],
  ['escalation', /^(escalad|escalat)/],
  ['communication', /^(communication|canal de communication|templates? de communication|status updates?)/],
  [
    'resolution',
    /^(solutions?\b|resolution|resoudre|resolve|fix(es)?\b|correcti|remediation|reparation|repair|actions?\b|steps\b|etapes\b|procedure\b|si\b|if\b|when\b|quand\b|en cas\b|in case\b|redemarr|restart)/,
  ],
  ['overview', /^(vue d ensemble|overview|contexte|context|description|introduction|resume|summary|a propos|about)/],
];

/** Titles that mark a block as a runbook on their own (`# RUNBOOK: …`, `### INC-003: …`). */
const runbookMarker = /^(?:runbook|playbook)\s*:|^inc[-_ ]?\d+\b|^incident\s*#?\d+\s*[:-]/i;

/** The kind of section a title names, or null. */
export function sectionKindOf(title: string): SectionKind | null {
  const normalized = normalizeTitle(title);
  return sectionRules.find(([, pattern]) => pattern.test(normalized))?.[0] ?? null;
}

export function hasRunbookMarker(title: string): boolean {
  return runbookMarker.test(title.replace(/^[^\p{L}\p{N}]+/u, ''));
}

export const metadataKeys = ['severity', 'impact', 'rto', 'rpo', 'services', 'owner'] as const;
export type MetadataKey = (typeof metadataKeys)[number];

const metadataRules: [MetadataKey, RegExp][] = [
  ['severity', /^(severite|severity|gravite|criticite|criticality|priorite|priority|niveau)$/],
  ['impact', /^(impact|impacts|business impact)$/],
  ['rto', /^(rto|recovery time objective|temps de reprise)$/],
  ['rpo', /^(rpo|recovery point objective|perte de donnees max)$/],
  ['services', /^(services?|composants?|components?|systemes? concernes?|affected services?)$/],
  ['owner', /^(owner|proprietaire|responsable|equipe responsable|maintenu par|maintainer)$/],
];

/** The metadata field a `**Label**: value` names, or null. */
export function metadataKeyOf(label: string): MetadataKey | null {
  const normalized = normalizeTitle(label);
  return metadataRules.find(([, pattern]) => pattern.test(normalized))?.[0] ?? null;
}
