/**
 * The connection form's fields and the `postgres://` URL the API stores, both ways. The API takes
 * one URL (libpq's form); people think in host, port, database, user, password and TLS mode.
 */

/**
 * The `sslmode` values the form offers, safest first: what the server's driver (node-postgres)
 * does, not libpq's list — it treats prefer, require and verify-ca as verify-full, and checks no
 * certificate only with its own `no-verify`. A stored URL with another mode keeps it.
 */
export const tlsModes = ['verify-full', 'no-verify', 'disable'] as const;

/** What the server shows instead of a password, and takes back as "keep the stored one". */
export const hiddenPassword = '****';

export interface ConnectionFields {
  host: string;
  port: string;
  database: string;
  user: string;
  /** Empty: none when creating, keep the stored one when editing. */
  password: string;
  /** One of `tlsModes`, or the mode a stored URL has (kept as it is). */
  tls: string;
  /** Query parameters the form has no field for (`application_name` …), carried over as they were. */
  otherParameters: string;
}

export const emptyFields: ConnectionFields = {
  host: '',
  port: '5432',
  database: '',
  user: '',
  password: '',
  tls: 'verify-full',
  otherParameters: '',
};

/** The fields of a stored connection, from its shown URL (its password is `****`: left empty, so kept). */
export function fieldsOf(displayUrl: string): ConnectionFields {
  const url = new URL(displayUrl);
  const parameters = new URLSearchParams(url.search);
  const tls = parameters.get('sslmode');
  parameters.delete('sslmode');
  return {
    host: decodeURIComponent(url.hostname),
    port: url.port === '' ? '5432' : url.port,
    database: decodeURIComponent(url.pathname.replace(/^\//, '')),
    user: decodeURIComponent(url.username),
    password: '',
    tls: tls ?? 'verify-full',
    otherParameters: parameters.toString(),
  };
}

/**
 * The URL to send. `keepPassword` (an edit of a connection that has one) with no password typed
 * sends `****`: the server puts the stored password back. Every part is percent-encoded, so a
 * password with `@` or `/` stays a password.
 */
export function connectionUrl(fields: ConnectionFields, keepPassword: boolean): string {
  const password = fields.password !== '' ? encodeURIComponent(fields.password) : keepPassword ? hiddenPassword : '';
  const user = encodeURIComponent(fields.user.trim());
  const credentials = user === '' ? '' : password === '' ? `${user}@` : `${user}:${password}@`;
  const port = fields.port.trim() === '' ? '' : `:${fields.port.trim()}`;
  const parameters = new URLSearchParams(fields.otherParameters);
  parameters.set('sslmode', fields.tls);
  return `postgres://${credentials}${fields.host.trim()}${port}/${encodeURIComponent(fields.database.trim())}?${parameters.toString()}`;
}

/** The URL as the list will show it: the password, typed or kept, as `****`. */
export function shownUrl(fields: ConnectionFields, keepPassword: boolean): string {
  return connectionUrl({ ...fields, password: fields.password === '' ? '' : hiddenPassword }, keepPassword);
}
