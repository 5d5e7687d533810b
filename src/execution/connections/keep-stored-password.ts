import { validationError } from '../../core/app-error.js';
import { hiddenPassword } from './sql-connection-model.js';

const isPasswordParameter = (key: string): boolean => /password/i.test(key);

/** The password parameters of a URL's query that hold `****`, the shown form. */
function hiddenParameters(url: URL): string[] {
  return [...url.searchParams.keys()].filter(
    (key) => isPasswordParameter(key) && url.searchParams.get(key) === hiddenPassword,
  );
}

/**
 * Whether an edit sent the password back as it is shown (`****`, as the password or a
 * `password`/`sslpassword` parameter): "keep the stored one". Expects a URL `new URL` accepts.
 */
export function keepsStoredPassword(url: string): boolean {
  const parsed = new URL(url);
  return parsed.password === hiddenPassword || hiddenParameters(parsed).length > 0;
}

/**
 * The URL to store for an edit that keeps the password: each `****` replaced by the stored URL's
 * value at the same place, so that an admin changing the host or the TLS mode need not retype a
 * password they may not have. `stored` is null when no connection of that name is stored: a 400
 * on `/url` then, as when the stored URL has no password there to keep.
 */
export function restoreStoredPassword(url: string, stored: string | null): string {
  const parsed = new URL(url);
  const previous = stored === null ? null : new URL(stored);
  const unkept = () =>
    validationError('no stored password to keep', [
      { path: '/url', message: `no stored password to keep in place of ${hiddenPassword}: type it` },
    ]);
  if (parsed.password === hiddenPassword) {
    if (previous === null || previous.password === '') throw unkept();
    // Both are in the URL's own (percent-encoded) form: the value is carried over as it was stored.
    parsed.password = previous.password;
  }
  for (const key of hiddenParameters(parsed)) {
    const value = previous?.searchParams.get(key) ?? null;
    if (value === null) throw unkept();
    parsed.searchParams.set(key, value);
  }
  return parsed.toString();
}
