import type { SchemaNode } from './schema-fields.js';

/**
 * What the generated forms (channels, probes) call a configuration field, by its name in the schema.
 * The schema's own `title` / `x-title-fr` win; these cover the names kinds share (host, url, …); an
 * unknown name is spelt out from its camelCase, so a new kind still gets a usable form.
 */
const labels: Record<string, { en: string; fr: string }> = {
  host: { en: 'Host', fr: 'Hôte' },
  port: { en: 'Port', fr: 'Port' },
  secure: { en: 'TLS from the start', fr: 'TLS dès la connexion' },
  requireTls: { en: 'Require STARTTLS', fr: 'Exiger STARTTLS' },
  auth: { en: 'Login', fr: 'Identifiants' },
  user: { en: 'User', fr: 'Utilisateur' },
  password: { en: 'Password', fr: 'Mot de passe' },
  from: { en: 'From', fr: 'Expéditeur' },
  url: { en: 'URL', fr: 'URL' },
  secret: { en: 'Signing secret', fr: 'Secret de signature' },
  headers: { en: 'Headers', fr: 'En-têtes' },
  channel: { en: 'Channel', fr: 'Canal' },
  username: { en: 'Display name', fr: 'Nom affiché' },
  iconUrl: { en: 'Icon URL', fr: "URL de l'icône" },
  baseUrl: { en: 'Base URL', fr: 'URL de base' },
  accountSid: { en: 'Account SID', fr: 'SID du compte' },
  authToken: { en: 'Auth token', fr: "Jeton d'authentification" },
  method: { en: 'Method', fr: 'Méthode' },
  secretHeaders: { en: 'Secret headers', fr: 'En-têtes secrets' },
  body: { en: 'Body', fr: 'Corps' },
  maxRedirects: { en: 'Maximum redirects', fr: 'Redirections au plus' },
  tls: { en: 'TLS', fr: 'TLS' },
  insecure: { en: 'Accept any certificate', fr: 'Accepter tout certificat' },
  ca: { en: 'Trusted certificates (PEM)', fr: 'Certificats de confiance (PEM)' },
  serverName: { en: 'Server name', fr: 'Nom du serveur' },
  name: { en: 'Name', fr: 'Nom' },
  recordType: { en: 'Record type', fr: "Type d'enregistrement" },
  server: { en: 'DNS server', fr: 'Serveur DNS' },
  query: { en: 'Query', fr: 'Requête' },
};

/** `iconUrl` → "Icon url": the last resort for a name nobody labelled. */
function spellOut(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The label of one field name (`node`: its schema, where it has a title of its own). */
export function labelOf(name: string, language: string, node?: SchemaNode): string {
  const own = language === 'fr' ? (node?.['x-title-fr'] ?? node?.title) : node?.title;
  const known = labels[name];
  return own ?? (known === undefined ? spellOut(name) : language === 'fr' ? known.fr : known.en);
}

/** A field's whole label: its parents' names, then its own (`Login › Password`). */
export function pathLabel(path: string, language: string, node?: SchemaNode): string {
  const names = path.split('/').slice(1);
  return names.map((name, index) => labelOf(name, language, index === names.length - 1 ? node : undefined)).join(' › ');
}
