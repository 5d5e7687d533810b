/**
 * English strings of adopting alert rules, message templates and post-mortem templates on "From
 * your runbooks" (keys `runbooks.adoptRules.`, `runbooks.adoptTemplate.`, `runbooks.adoptPostmortem.`).
 */
export const adoptionFormsStringsEn = {
  'runbooks.adoptRules.open': 'Turn the rules into probes',
  'runbooks.adoptRules.openLabel': 'Turn the rules into probes — “{title}”',
  'runbooks.adoptRules.intro':
    'Each rule written in PromQL becomes a probe that runs its query; prose rules are left out, with why. A query a probe already runs is not added twice.',
  'runbooks.adoptRules.service': 'Service the probes check',
  'runbooks.adoptRules.noService': 'No service',
  'runbooks.adoptRules.severity': 'Severity',
  'runbooks.adoptRules.severityWritten': 'Each rule’s written severity',
  'runbooks.adoptRules.prometheus': 'Prometheus URL (optional)',
  'runbooks.adoptRules.prometheusDefault': 'Empty: the server’s, {url}.',
  'runbooks.adoptRules.prometheusNone': 'The server has no default Prometheus: give one.',
  'runbooks.adoptRules.submit': 'Create the probes',
  'runbooks.adoptRules.submitLabel': 'Create the probes of “{title}”',
  'runbooks.adoptRules.made': 'Probes made from these rules',
  'runbooks.adoptTemplate.open': 'Choose the message and its variables',
  'runbooks.adoptTemplate.openLabel': 'Choose the message and its variables — “{title}”',
  'runbooks.adoptTemplate.intro':
    'Say which message this template writes, in which language and for which channel, then what each blank of the document becomes.',
  'runbooks.adoptTemplate.blanks': 'Blanks of the document',
  'runbooks.adoptTemplate.blank': 'Blank “{blank}” becomes',
  'runbooks.adoptTemplate.keep': 'Keep as written',
  'runbooks.adoptTemplate.choose': 'Choose…',
  'runbooks.adoptTemplate.guessed': '(guessed)',
  'runbooks.adoptTemplate.preview': 'Preview',
  'runbooks.adoptTemplate.submit': 'Adopt the template',
  'runbooks.adoptTemplate.submitLabel': 'Adopt the template “{title}”',
  'runbooks.adoptPostmortem.sections': 'Sections of new post-mortems',
};

/** French strings of those adoptions: the type makes a missing key a compile error. */
export const adoptionFormsStringsFr: Record<keyof typeof adoptionFormsStringsEn, string> = {
  'runbooks.adoptRules.open': 'Transformer les règles en sondes',
  'runbooks.adoptRules.openLabel': 'Transformer les règles en sondes — « {title} »',
  'runbooks.adoptRules.intro':
    'Chaque règle écrite en PromQL devient une sonde qui exécute sa requête ; les règles en prose sont laissées de côté, avec la raison. Une requête qu’une sonde exécute déjà n’est pas ajoutée deux fois.',
  'runbooks.adoptRules.service': 'Service vérifié par les sondes',
  'runbooks.adoptRules.noService': 'Aucun service',
  'runbooks.adoptRules.severity': 'Sévérité',
  'runbooks.adoptRules.severityWritten': 'La sévérité écrite de chaque règle',
  'runbooks.adoptRules.prometheus': 'URL de Prometheus (facultative)',
  'runbooks.adoptRules.prometheusDefault': 'Vide : celui du serveur, {url}.',
  'runbooks.adoptRules.prometheusNone': 'Le serveur n’a pas de Prometheus par défaut : indiquez-en un.',
  'runbooks.adoptRules.submit': 'Créer les sondes',
  'runbooks.adoptRules.submitLabel': 'Créer les sondes de « {title} »',
  'runbooks.adoptRules.made': 'Sondes créées à partir de ces règles',
  'runbooks.adoptTemplate.open': 'Choisir le message et ses variables',
  'runbooks.adoptTemplate.openLabel': 'Choisir le message et ses variables — « {title} »',
  'runbooks.adoptTemplate.intro':
    'Dites quel message ce modèle écrit, dans quelle langue et pour quel canal, puis ce que devient chaque blanc du document.',
  'runbooks.adoptTemplate.blanks': 'Blancs du document',
  'runbooks.adoptTemplate.blank': 'Le blanc « {blank} » devient',
  'runbooks.adoptTemplate.keep': 'Garder tel qu’écrit',
  'runbooks.adoptTemplate.choose': 'Choisir…',
  'runbooks.adoptTemplate.guessed': '(deviné)',
  'runbooks.adoptTemplate.preview': 'Aperçu',
  'runbooks.adoptTemplate.submit': 'Adopter le modèle',
  'runbooks.adoptTemplate.submitLabel': 'Adopter le modèle « {title} »',
  'runbooks.adoptPostmortem.sections': 'Sections des nouveaux post-mortems',
};
