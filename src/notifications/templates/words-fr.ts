import type { TemplateWords } from './default-templates.js';

// SMS texts keep to the GSM 7-bit alphabet (é, è, à, ù are in it; ç, ê, â are not): one character
// outside it turns the whole SMS into UCS-2, 70 characters a segment instead of 160.
const pageLink =
  '{{#ackCode}} Répondez ACK {{ackCode}}.{{/ackCode}}{{#ackUrl}} Acquitter : {{ackUrl}}{{/ackUrl}}{{^ackUrl}} {{incidentUrl}}{{/ackUrl}}';

/** French wording of the built-in templates. */
export const frenchWords: TemplateWords = {
  severity: 'Sévérité :',
  status: 'Statut :',
  services: 'Services :',
  time: 'Heure :',
  runbooks: 'Runbooks :',
  acknowledge: 'Acquitter',
  openIncident: "Ouvrir l'incident",
  replyHint: 'Ou répondez à cet e-mail : toute réponse acquitte, RÉSOUDRE en première ligne résout.',
  signature: 'Astreinte, gestion des incidents',
  colon: ' :',
  kinds: {
    triggered: {
      subject: '[{{severity}}] {{incidentId}} déclenché : {{title}}',
      short: `{{severity}} {{incidentId}} : {{title}}.${pageLink}`,
      headline: '{{incidentId}} déclenché : {{title}}',
      page: true,
    },
    escalated: {
      subject: '[{{severity}}] {{incidentId}} escaladé au niveau {{level}} : {{title}}',
      short: `{{severity}} {{incidentId}} escaladé niveau {{level}} : {{title}}.${pageLink}`,
      headline: '{{incidentId}} escaladé au niveau {{level}} : {{title}}',
      intro: "Personne ne l'a acquitté à temps : c'est maintenant vous qui êtes appelé.",
      page: true,
    },
    acknowledged: {
      subject: '[{{severity}}] {{incidentId}} acquitté : {{title}}',
      short: '{{incidentId}} acquitté{{#actor}} par {{actor}}{{/actor}} : {{title}}',
      headline: '{{incidentId}} acquitté{{#actor}} par {{actor}}{{/actor}} : {{title}}',
      intro: "Quelqu'un s'en occupe ; l'escalade est arrêtée.",
      page: false,
    },
    resolved: {
      subject: '[{{severity}}] {{incidentId}} résolu : {{title}}',
      short: '{{incidentId}} résolu{{#actor}} par {{actor}}{{/actor}} : {{title}}',
      headline: '{{incidentId}} résolu{{#actor}} par {{actor}}{{/actor}} : {{title}}',
      page: false,
    },
    status_reminder: {
      subject: '[{{severity}}] {{incidentId}} : aucun point de situation depuis {{silentMinutes}} min',
      short: '{{incidentId}} ({{title}}) : aucun point de situation depuis {{silentMinutes}} min. {{incidentUrl}}',
      headline: 'Aucun point de situation sur {{incidentId}} depuis {{silentMinutes}} minutes : {{title}}',
      intro: "Les parties prenantes attendent des nouvelles : publiez un point de situation sur la page de l'incident.",
      page: false,
    },
    approval_requested: {
      subject: '[{{severity}}] {{incidentId}} : approbation demandée pour « {{step}} »',
      short: '{{incidentId}} ({{title}}) : {{actor}} demande votre approbation pour "{{step}}". {{incidentUrl}}',
      headline: '{{incidentId}} : « {{step}} » attend votre approbation',
      intro:
        '{{actor}} demande à lancer cette étape destructrice sur {{title}}. Vérifiez la commande, puis approuvez-la ou refusez-la.',
      page: false,
      command: true,
      link: 'Ouvrir la demande',
    },
    test: {
      subject: "[Astreinte] Message d'essai : {{title}}",
      short: "Astreinte {{incidentId}} : {{title}}. Message d'essai, rien à faire.",
      headline: "Message d'essai : {{title}}",
      intro: "Envoyé depuis la console pour vérifier ce canal. Rien ne va mal et il n'y a rien à faire.",
      page: false,
    },
  },
};
