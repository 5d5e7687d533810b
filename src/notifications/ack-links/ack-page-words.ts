import type { IncidentStatus } from '../../incidents/incident-model.js';
import { pickStatusLanguage, type StatusLanguage } from '../../status-page/status-page-words.js';
import type { AckLinkAction } from '../ack-link.js';

/** Why a link's page cannot show its incident. */
export type AckRefusal = 'expired' | 'invalid' | 'inactive' | 'unavailable';

/** Everything the page of an acknowledge link says, per language. */
export interface AckPageWords {
  pageTitle: string;
  status: Record<IncidentStatus, string>;
  button: Record<AckLinkAction, string>;
  openFor: (duration: string) => string;
  duration: (hours: number, minutes: number) => string;
  youAcknowledged: (time: string) => string;
  acknowledgedBy: (name: string, time: string) => string;
  youResolved: (time: string) => string;
  resolvedBy: (name: string, time: string) => string;
  linkRevoked: string;
  firstAlert: string;
  services: string;
  noService: string;
  openConsole: string;
  forYou: (name: string) => string;
  otherLanguage: string;
  refused: { title: string; why: Record<AckRefusal, string> };
}

const duration = (hours: number, minutes: number): string =>
  hours === 0 ? `${minutes} min` : `${hours} h ${String(minutes).padStart(2, '0')}`;

const en: AckPageWords = {
  pageTitle: 'Incident',
  status: { triggered: 'Triggered', acknowledged: 'Acknowledged', mitigated: 'Mitigated', resolved: 'Resolved' },
  button: { acknowledge: 'Acknowledge', resolve: 'Resolve' },
  openFor: (d) => `open for ${d}`,
  duration,
  youAcknowledged: (t) => `You acknowledged this incident at ${t}. Escalation has stopped.`,
  acknowledgedBy: (name, t) => `Already acknowledged by ${name} at ${t}.`,
  youResolved: (t) => `You resolved this incident at ${t}.`,
  resolvedBy: (name, t) => `This incident was resolved by ${name} at ${t}.`,
  linkRevoked: 'This link no longer acts on it.',
  firstAlert: 'First alert',
  services: 'Services',
  noService: 'no service',
  openConsole: 'Open in Astreinte',
  forYou: (name) => `Link sent to ${name}`,
  otherLanguage: 'Français',
  refused: {
    title: 'This link does not work',
    why: {
      expired: 'This link has expired. Open Astreinte to act on the incident.',
      invalid: 'This link is not valid: it may have been cut or changed. Open Astreinte to act on the incident.',
      inactive: 'The person this link was sent to is no longer active.',
      unavailable: 'Acknowledge links are not set up on this server.',
    },
  },
};

const fr: AckPageWords = {
  pageTitle: 'Incident',
  status: { triggered: 'Déclenché', acknowledged: 'Pris en charge', mitigated: 'Atténué', resolved: 'Résolu' },
  button: { acknowledge: 'Prendre en charge', resolve: 'Résoudre' },
  openFor: (d) => `ouvert depuis ${d}`,
  duration,
  youAcknowledged: (t) => `Vous avez pris en charge cet incident à ${t}. L’escalade est arrêtée.`,
  acknowledgedBy: (name, t) => `Déjà pris en charge par ${name} à ${t}.`,
  youResolved: (t) => `Vous avez résolu cet incident à ${t}.`,
  resolvedBy: (name, t) => `Cet incident a été résolu par ${name} à ${t}.`,
  linkRevoked: 'Ce lien n’agit plus dessus.',
  firstAlert: 'Première alerte',
  services: 'Services',
  noService: 'aucun service',
  openConsole: 'Ouvrir dans Astreinte',
  forYou: (name) => `Lien envoyé à ${name}`,
  otherLanguage: 'English',
  refused: {
    title: 'Ce lien ne fonctionne pas',
    why: {
      expired: 'Ce lien a expiré. Ouvrez Astreinte pour agir sur l’incident.',
      invalid:
        'Ce lien n’est pas valide : il a peut-être été coupé ou modifié. Ouvrez Astreinte pour agir sur l’incident.',
      inactive: 'La personne à qui ce lien a été envoyé n’est plus active.',
      unavailable: 'Les liens de prise en charge ne sont pas configurés sur ce serveur.',
    },
  },
};

export const ackPageWords: Record<StatusLanguage, AckPageWords> = { en, fr };

/**
 * The page's language: `?lang=` (the switch link), else the browser's Accept-Language, else the
 * language of the person the link was sent to (a phone sends a header; a bare client may not).
 */
export function pickAckPageLanguage(
  query: string | undefined,
  acceptLanguage: string | undefined,
  holderLocale: StatusLanguage | undefined,
): StatusLanguage {
  if (query === undefined && (acceptLanguage ?? '').trim() === '' && holderLocale !== undefined) return holderLocale;
  return pickStatusLanguage(query, acceptLanguage);
}
