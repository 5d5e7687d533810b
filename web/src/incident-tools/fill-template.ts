import type { Incident } from '../types.js';

/** A blank's name made comparable: lower case, no accents, words joined (`Sévérité` → `severite`). */
function normalize(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** What the incident itself can fill, by the names templates give their blanks (French and English). */
function knownValues(incident: Incident, now: Date, locale: string): Map<string, string> {
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(now);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(now);
  const services = incident.services.join(', ');
  const entries: [string[], string][] = [
    [['titre', 'title', 'incident_title', 'titre_incident', 'probleme', 'problem', 'sujet'], incident.title],
    [['severite', 'severity', 'priorite', 'priority', 'niveau', 'level', 'p_1_3', 'p_1_4'], incident.severity],
    [
      [
        'service',
        'services',
        'service_impacte',
        'services_impactes',
        'affected_service',
        'affected_services',
        'composant',
      ],
      services,
    ],
    [['heure', 'time', 'heure_debut', 'start_time', 'debut'], time],
    [['date'], date],
    [['id', 'incident', 'incident_id', 'numero', 'reference', 'ref'], incident.id],
    [['statut', 'status', 'etat'], incident.status],
  ];
  const values = new Map<string, string>();
  for (const [names, value] of entries) if (value !== '') for (const name of names) values.set(name, value);
  return values;
}

/**
 * A communication template with the blanks the incident can answer filled in (`[Titre]`,
 * `{{ severity }}`, `<service>`, `P[1-3]`); the others stay as written, for the person to fill.
 */
export function fillTemplate(
  body: string,
  placeholders: readonly string[],
  incident: Incident,
  now: Date,
  locale: string,
): string {
  const values = knownValues(incident, now, locale);
  let filled = body;
  for (const placeholder of placeholders) {
    const value = values.get(normalize(placeholder));
    if (value === undefined) continue;
    const escaped = placeholder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Each way the importer reads a blank: {{ x }}, ${x}, <x>, [x], and a choice such as P[1-3] as a whole.
    const forms = [`\\{\\{\\s*${escaped}\\s*\\}\\}`, `\\$\\{${escaped}\\}`, `<${escaped}>`, `\\[${escaped}\\]`];
    filled = placeholder.includes('[')
      ? filled.split(placeholder).join(value)
      : filled.replace(new RegExp(forms.join('|'), 'g'), () => value);
  }
  return filled;
}
