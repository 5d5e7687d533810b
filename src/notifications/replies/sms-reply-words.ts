import type { IncidentStatus } from '../../incidents/incident-model.js';
import type { NotificationLocale } from '../channel-model.js';
import { statusLabels } from '../templates/template-view.js';

/** What a reply to a page came to; each outcome has its answer, in the person's language. */
export const smsReplyOutcomes = [
  'acknowledged',
  'unchanged',
  'not_understood',
  'unknown_phone',
  'unknown_code',
  'expired',
] as const;
export type SmsReplyOutcome = (typeof smsReplyOutcomes)[number];

export interface SmsReplyFacts {
  code?: string;
  incidentId?: string;
  title?: string;
  status?: IncidentStatus;
}

type Answer = (facts: SmsReplyFacts, status: string) => string;

// Answers fit one SMS when the title is short; each says what to do next when nothing happened.
const answers: Readonly<Record<NotificationLocale, Readonly<Record<SmsReplyOutcome, Answer>>>> = {
  en: {
    acknowledged: (f) => `${f.incidentId} acknowledged: ${f.title}. Escalation stopped.`,
    unchanged: (f, status) => `${f.incidentId} is already ${status}: nothing changed.`,
    not_understood: () => 'Reply ACK followed by the code in the page, e.g. ACK 1234.',
    unknown_phone: () => "This phone number is not an Astreinte user's: nothing changed.",
    unknown_code: (f) => `No page to this phone has the code ${f.code}: nothing changed.`,
    expired: (f) => `Code ${f.code} has expired: open the link in the page or the console.`,
  },
  fr: {
    acknowledged: (f) => `${f.incidentId} acquitté : ${f.title}. L'escalade est stoppée.`,
    unchanged: (f, status) => `${f.incidentId} est déjà ${status} : rien n'a changé.`,
    not_understood: () => "Répondez ACK suivi du code de l'alerte, par exemple ACK 1234.",
    unknown_phone: () => "Ce numéro n'est celui d'aucun utilisateur d'Astreinte : rien n'a changé.",
    unknown_code: (f) => `Aucune alerte envoyée à ce numéro ne porte le code ${f.code} : rien n'a changé.`,
    expired: (f) => `Le code ${f.code} a expiré : ouvrez le lien de l'alerte ou la console.`,
  },
};

/** The text answered to a reply (the TwiML message), in the person's language (English by default). */
export function smsReplyAnswer(outcome: SmsReplyOutcome, facts: SmsReplyFacts, locale: NotificationLocale | null) {
  const language = locale ?? 'en';
  const status = facts.status === undefined ? '' : statusLabels[language][facts.status];
  return answers[language][outcome](facts, status);
}
