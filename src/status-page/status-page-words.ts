import type { ComponentStatus } from './status-page-model.js';

/** The languages the public page speaks: the seeds' users and their customers are French-speaking. */
export const statusLanguages = ['en', 'fr'] as const;
export type StatusLanguage = (typeof statusLanguages)[number];

/** Everything the public page says, per language. */
export interface StatusWords {
  title: string;
  status: Record<ComponentStatus, string>;
  headline: Record<ComponentStatus, string>;
  phase: Record<string, string>;
  resolved: string;
  components: string;
  incidents: string;
  noComponent: string;
  noIncident: string;
  uptime: (percent: string) => string;
  started: string;
  resolvedAt: string;
  updated: string;
  otherLanguage: string;
  feedDescription: string;
}

const en: StatusWords = {
  title: 'Status',
  status: {
    operational: 'Operational',
    degraded_performance: 'Degraded performance',
    partial_outage: 'Partial outage',
    major_outage: 'Major outage',
  },
  headline: {
    operational: 'All systems operational',
    degraded_performance: 'Some systems are degraded',
    partial_outage: 'Partial outage',
    major_outage: 'Major outage',
  },
  phase: { investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring', resolved: 'Resolved' },
  resolved: 'Resolved',
  components: 'Components',
  incidents: 'Incidents',
  noComponent: 'No public component.',
  noIncident: 'No incident in the last 90 days.',
  uptime: (percent) => `${percent} % uptime over 90 days`,
  started: 'Started',
  resolvedAt: 'resolved',
  updated: 'Updated',
  otherLanguage: 'Français',
  feedDescription: 'Incidents of the public services',
};

const fr: StatusWords = {
  title: 'État des services',
  status: {
    operational: 'Opérationnel',
    degraded_performance: 'Performances dégradées',
    partial_outage: 'Panne partielle',
    major_outage: 'Panne majeure',
  },
  headline: {
    operational: 'Tous les services fonctionnent',
    degraded_performance: 'Certains services sont dégradés',
    partial_outage: 'Panne partielle',
    major_outage: 'Panne majeure',
  },
  phase: {
    investigating: 'Analyse en cours',
    identified: 'Cause identifiée',
    monitoring: 'Sous surveillance',
    resolved: 'Résolu',
  },
  resolved: 'Résolu',
  components: 'Services',
  incidents: 'Incidents',
  noComponent: 'Aucun service public.',
  noIncident: 'Aucun incident ces 90 derniers jours.',
  uptime: (percent) => `${percent.replace('.', ',')} % de disponibilité sur 90 jours`,
  started: 'Début',
  resolvedAt: 'résolu',
  updated: 'Mis à jour',
  otherLanguage: 'English',
  feedDescription: 'Incidents des services publics',
};

export const statusWords: Record<StatusLanguage, StatusWords> = { en, fr };

/**
 * The page's language: `?lang=` when given (the switch link), else the first language of the
 * browser's Accept-Language the page speaks, else English.
 */
export function pickStatusLanguage(query: string | undefined, acceptLanguage: string | undefined): StatusLanguage {
  if (query === 'fr' || query === 'en') return query;
  const preferences = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((param) => /^q=([\d.]+)$/.exec(param.trim())?.[1]).find((value) => value !== undefined);
      return { tag, q: q === undefined ? 1 : Number(q) };
    })
    .filter((preference) => preference.tag !== '' && preference.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of preferences) {
    const base = tag.split('-')[0];
    if (base === 'fr' || base === 'en') return base;
  }
  return 'en';
}
