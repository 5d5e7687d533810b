/**
 * The words runbook matching ignores or translates. Runbooks are written in French and English,
 * alerts mostly in English; both are folded (no accents, lower case, plural `s` dropped) before
 * these lists apply, so entries are written folded and singular.
 */

const english = `a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing during each few for from further had has have having he her here
hers him his how i if in into is it its itself just more most my no nor not now of off on once only or other our out
over own same she should so some such than that the their them then there these they this those through to too under
until up very was we were what when where which while who whom why will with would you your yet via per`;

const french = `a au aux avec ce ces cet cette dans de des du elle en et eux il ils je la le les leur leurs lui ma mais me
meme mes moi mon ne nos notre nous on ou par pas plus pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos
votre vous y est sont ete etre avoir ont fait faire tres trop peu sans sous entre vers chez donc car ni si deja encore
toujours jamais tout toute tous toutes autre autres quand comme aussi alors apres avant pendant depuis lorsque dont ceci
cela ca quel quelle quels quelles qu ne n l d j m s c t`;

/**
 * Words of the trade every runbook and alert uses, so they tell nothing about which runbook
 * applies (`Procédure d'Incident`, `Alertes de performance`, `severity="critical"`).
 */
const generic = `runbook procedure incident issue probleme alert alerte alerter alerting monitoring monitor service
system systeme log message dashboard prometheus grafana critical critique warning severity info firing resolved
production prod instance job status statut cause solution diagnostic verification etc ok inc`;

/** Words never counted as evidence on their own (they still count inside a quoted message). */
export const stopWords: ReadonlySet<string> = new Set(`${english} ${french} ${generic}`.split(/\s+/).filter(Boolean));

/**
 * French words of incidents brought to the English word alerts use, so that an alert about a
 * `payment` finds the runbook `Paiements`. Only words whose sense is unambiguous in operations.
 */
export const glossary: ReadonlyMap<string, string> = new Map(
  Object.entries({
    paiement: 'payment',
    erreur: 'error',
    echec: 'failure',
    echoue: 'failure',
    failed: 'failure',
    failing: 'failure',
    fail: 'failure',
    panne: 'down',
    indisponible: 'unavailable',
    inaccessible: 'unavailable',
    unreachable: 'unavailable',
    memoire: 'memory',
    connexion: 'connection',
    connect: 'connection',
    latence: 'latency',
    lent: 'slow',
    lente: 'slow',
    lenteur: 'slow',
    sature: 'full',
    saturee: 'full',
    plein: 'full',
    pleine: 'full',
    cle: 'key',
    verrou: 'lock',
    tache: 'task',
    requete: 'request',
    certificat: 'certificate',
    expiree: 'expired',
    expire: 'expired',
    disque: 'disk',
    espace: 'space',
    sauvegarde: 'backup',
    restauration: 'restore',
    deploiement: 'deployment',
    securite: 'security',
    taux: 'rate',
    utilisateur: 'user',
    haute: 'high',
    haut: 'high',
    eleve: 'high',
    elevee: 'high',
    faible: 'low',
    basse: 'low',
    donnee: 'data',
    bdd: 'database',
    db: 'database',
    postgresql: 'postgres',
    redemarrage: 'restart',
    synchronisation: 'sync',
    bloque: 'blocked',
    bloquee: 'blocked',
    stuck: 'blocked',
  }),
);

/**
 * Product names written in mixed case that CamelCase splitting would cut (`PostgreSQL` →
 * `postgre sql`): read whole, before splitting.
 */
export const wholeNames =
  /postgresql|mysql|mongodb|rabbitmq|graphql|websocket|github|gitlab|javascript|typescript|elasticsearch|opensearch|clickhouse|mariadb|dynamodb|openshift/gi;

/** Several words standing for one (`base de données` → `database`), matched on folded singular tokens. */
export const phraseGlossary: readonly { words: readonly string[]; word: string }[] = [
  { words: ['base', 'de', 'donnee'], word: 'database' },
  { words: ['data', 'base'], word: 'database' },
  { words: ['time', 'out'], word: 'timeout' },
];
