/**
 * Strings of the runners page and of the banner every signed-in person sees when steps cannot run
 * safely (keys prefixed `runners.`). "Exécuteur" in French: "runner" would read as an athlete.
 */
export const runnersStringsEn = {
  'runners.title': 'Runners',
  'runners.intro':
    'Runners are the processes that run runbook steps, each on its own host (astreinte runner). Steps never run inside the server.',
  'runners.listHeading': 'Runners seen this week',
  'runners.count': '{connected} connected of {total}',
  'runners.empty': 'No runner has connected this week. Add one below: until then, steps cannot run.',
  'runners.connected': 'Connected',
  'runners.disconnected': 'Disconnected',
  'runners.labels': 'Labels',
  'runners.noLabels': 'None: it takes only steps that ask for any runner',
  'runners.sandbox': 'Sandbox',
  'runners.sandbox.bwrap': 'bubblewrap',
  'runners.sandbox.none': 'NONE: steps run unconfined, with everything its user may read and change',
  'runners.host': 'Host',
  'runners.version': 'Version',
  'runners.capacity': 'Capacity',
  'runners.capacityValue': '{n} steps at once',
  'runners.capacityOne': 'one step at a time',
  'runners.lastSeen': 'Last seen',
  'runners.ago': '{age} ago',
  'runners.revoke': 'Revoke its token',
  'runners.revokeQuestion':
    'Revoke the token of {name}? It stops at once, with the steps it runs, and so does any runner sharing that token.',
  'runners.revokeConfirm': 'Yes, revoke',
  'runners.add': 'Add a runner',
  'runners.addIntro':
    'Creates a runner token, shown once, with the command that starts a runner on the host that should run steps.',
  'runners.name': 'Name',
  'runners.namePlaceholder': 'prod-eu-1',
  'runners.labelsField': 'Labels (optional)',
  'runners.labelsHint':
    'name=value, separated by commas (env=prod, site=eu): steps that ask for these labels run only on such runners.',
  'runners.labelsInvalid': 'Not a label: {parts}. Write name=value, e.g. env=prod.',
  'runners.createSubmit': 'Create runner token',
  'runners.secretTitle': 'Runner token "{name}"',
  'runners.command': 'Command to run on its host',
  'runners.commandHint':
    'The token goes in the environment, not the arguments: other users of the host cannot see it in the process list.',
  'runners.copyCommand': 'Copy the command',
  'runners.commandCopied': 'Command copied to the clipboard.',
  'runners.banner.label': 'Runners warning',
  'runners.banner.none': 'No runner is connected: steps cannot run. They wait in their queue until a runner connects.',
  'runners.banner.unsandboxed':
    "Steps run without a sandbox on runner {names}: a step can read and change anything that runner's user can.",
  'runners.banner.unsandboxedMany':
    'Steps run without a sandbox on runners {names}: a step can read and change anything their users can.',
  'runners.banner.manage': 'See the runners',
  'runners.banner.askAdmin': 'An administrator can start one.',
};

/** French strings of the runners: the type makes a missing key a compile error. */
export const runnersStringsFr: Record<keyof typeof runnersStringsEn, string> = {
  'runners.title': 'Exécuteurs',
  'runners.intro':
    'Les exécuteurs sont les processus qui exécutent les étapes des runbooks, chacun sur sa propre machine (astreinte runner). Aucune étape ne s’exécute dans le serveur.',
  'runners.listHeading': 'Exécuteurs vus cette semaine',
  'runners.count': '{connected} connecté(s) sur {total}',
  'runners.empty':
    'Aucun exécuteur ne s’est connecté cette semaine. Ajoutez-en un ci-dessous : d’ici là, aucune étape ne peut s’exécuter.',
  'runners.connected': 'Connecté',
  'runners.disconnected': 'Déconnecté',
  'runners.labels': 'Étiquettes',
  'runners.noLabels': 'Aucune : il ne prend que les étapes qui acceptent n’importe quel exécuteur',
  'runners.sandbox': 'Bac à sable',
  'runners.sandbox.bwrap': 'bubblewrap',
  'runners.sandbox.none':
    'AUCUN : les étapes s’exécutent sans confinement, avec tout ce que son utilisateur peut lire et modifier',
  'runners.host': 'Machine',
  'runners.version': 'Version',
  'runners.capacity': 'Capacité',
  'runners.capacityValue': '{n} étapes à la fois',
  'runners.capacityOne': 'une étape à la fois',
  'runners.lastSeen': 'Vu pour la dernière fois',
  'runners.ago': 'il y a {age}',
  'runners.revoke': 'Révoquer son jeton',
  'runners.revokeQuestion':
    'Révoquer le jeton de {name} ? Il s’arrête aussitôt, avec les étapes en cours, comme tout exécuteur qui partage ce jeton.',
  'runners.revokeConfirm': 'Oui, révoquer',
  'runners.add': 'Ajouter un exécuteur',
  'runners.addIntro':
    'Crée un jeton d’exécuteur, affiché une seule fois, avec la commande qui démarre un exécuteur sur la machine qui doit exécuter les étapes.',
  'runners.name': 'Nom',
  'runners.namePlaceholder': 'prod-eu-1',
  'runners.labelsField': 'Étiquettes (facultatif)',
  'runners.labelsHint':
    'nom=valeur, séparées par des virgules (env=prod, site=eu) : les étapes qui demandent ces étiquettes ne s’exécutent que sur de tels exécuteurs.',
  'runners.labelsInvalid': 'Pas une étiquette : {parts}. Écrivez nom=valeur, par exemple env=prod.',
  'runners.createSubmit': 'Créer le jeton d’exécuteur',
  'runners.secretTitle': 'Jeton d’exécuteur « {name} »',
  'runners.command': 'Commande à lancer sur sa machine',
  'runners.commandHint':
    'Le jeton passe par l’environnement, pas par les arguments : les autres utilisateurs de la machine ne le voient pas dans la liste des processus.',
  'runners.copyCommand': 'Copier la commande',
  'runners.commandCopied': 'Commande copiée dans le presse-papiers.',
  'runners.banner.label': 'Alerte sur les exécuteurs',
  'runners.banner.none':
    'Aucun exécuteur n’est connecté : les étapes ne peuvent pas s’exécuter. Elles attendent dans leur file qu’un exécuteur se connecte.',
  'runners.banner.unsandboxed':
    'Les étapes s’exécutent sans bac à sable sur l’exécuteur {names} : une étape peut lire et modifier tout ce que peut son utilisateur.',
  'runners.banner.unsandboxedMany':
    'Les étapes s’exécutent sans bac à sable sur les exécuteurs {names} : une étape peut lire et modifier tout ce que peuvent leurs utilisateurs.',
  'runners.banner.manage': 'Voir les exécuteurs',
  'runners.banner.askAdmin': 'Un administrateur peut en démarrer un.',
};
