import { Type, type Static } from 'typebox';
import { RunbookUseSchema } from '../runbook-uses.js';

/** Connection names are what a SQL step names: short, lower-case, no spaces. */
export const SqlConnectionNameSchema = Type.String({
  pattern: '^[a-z0-9][a-z0-9_-]{0,62}$',
  description: 'what SQL steps refer to',
  examples: ['orders-replica'],
});

/** The path parameters of the routes about one connection. */
export const SqlConnectionParams = Type.Object({ name: SqlConnectionNameSchema });

/** A connection as the API shows it: never its password. */
export const SqlConnectionSchema = Type.Object(
  {
    name: Type.String(),
    displayUrl: Type.String({ description: 'the URL with its password shown as ****' }),
    description: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    updatedBy: Type.String(),
  },
  { title: 'SqlConnection' },
);
export type SqlConnection = Static<typeof SqlConnectionSchema>;

/** A connection in the listing: also the runbooks whose SQL steps run on it. */
export const ListedSqlConnectionSchema = Type.Object(
  {
    ...SqlConnectionSchema.properties,
    usedBy: Type.Array(RunbookUseSchema, {
      description: 'live runbooks with SQL steps naming it (or naming none, when it is the only connection)',
    }),
  },
  { title: 'ListedSqlConnection' },
);
export type ListedSqlConnection = Static<typeof ListedSqlConnectionSchema>;

/** How a password is shown, and how an edit sent back says "keep the stored one". */
export const hiddenPassword = '****';

/** What the connection operations need from the server: the key sealing URLs at rest. */
export interface SqlConnectionServices {
  /** Null when ASTREINTE_SECRET_KEY is not set: connections can then be neither stored nor opened. */
  secretKey: Uint8Array | null;
}

/** The sealed URL's associated data: a sealed URL copied to another connection fails to open. */
export const sqlConnectionSealingContext = (name: string): string => `sql-connection:${name}`;

/** Why a connection cannot be stored or opened without a key; the same 409 everywhere. */
export const secretKeyRequired =
  'SQL connections need ASTREINTE_SECRET_KEY (their URLs hold passwords, sealed with it): set it on every node and restart';

/** What `toSqlConnection` reads: every column but the sealed URL, which only `openSqlConnectionUrl` selects. */
export const sqlConnectionColumns = 'name, display_url, description, created_at, updated_at, updated_by_name';

export interface SqlConnectionRow {
  [column: string]: unknown;
  name: string;
  display_url: string;
  description: string | null;
  created_at: Date;
  updated_at: Date;
  updated_by_name: string;
}

/** A sql_connections row as the API shows it. */
export function toSqlConnection(row: SqlConnectionRow): SqlConnection {
  return {
    name: row.name,
    displayUrl: row.display_url,
    description: row.description,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by_name,
  };
}

/**
 * The URL without what must stay secret: the password, and `password` or `sslpassword` query
 * parameters (libpq and pg accept both), each shown as `****`. For lists, the audit trail and the
 * timeline. Expects a URL `new URL` accepts.
 */
export function displayConnectionUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = hiddenPassword;
  const secretParameters = [...parsed.searchParams.keys()].filter((key) => /password/i.test(key));
  // Setting a search parameter re-encodes the whole query: only done when one must be hidden.
  for (const key of secretParameters) parsed.searchParams.set(key, hiddenPassword);
  return parsed.toString();
}

/** Removes every appearance of the URL's password from a message (a driver error may quote it). */
export function withoutPassword(message: string, url: string): string {
  let password: string;
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    return message;
  }
  return password === '' ? message : message.split(password).join('****');
}
