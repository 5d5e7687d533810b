/** What Astreinte keeps of a person's claims: their name and e-mail, and a user name for a new account. */
export interface OidcProfile {
  subject: string;
  name: string;
  /** Null when the provider gave none, a malformed one, or one it says is not verified. */
  email: string | null;
  /** A valid Astreinte user name (`^[a-z0-9][a-z0-9._-]{1,62}$`), to be made unique by a suffix. */
  usernameBase: string;
}

const nameMax = 200;
const emailPattern = /^[^\s@]+@[^\s@]+$/;

/**
 * Reads the standard claims (OpenID Connect Core §5.1). The name falls back from `name` to
 * given and family names, the preferred user name, the e-mail and at last the subject, so
 * every account has something to show in timelines.
 */
export function oidcProfileOf(claims: Readonly<Record<string, unknown>>, subject: string): OidcProfile {
  const text = (key: string): string | null => {
    const value = claims[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  };
  const rawEmail = text('email');
  // Some providers let people type any address; one the provider itself calls unverified is not
  // trusted to reach them. A missing `email_verified` (Entra ID, many others) is not a "no".
  const email =
    rawEmail !== null && rawEmail.length <= 254 && emailPattern.test(rawEmail) && claims['email_verified'] !== false
      ? rawEmail
      : null;
  const given = [text('given_name'), text('family_name')].filter((part): part is string => part !== null).join(' ');
  const preferred = text('preferred_username');
  // An unverified address still names the person well enough on screen.
  const name = text('name') ?? (given === '' ? null : given) ?? preferred ?? rawEmail ?? subject;
  return {
    subject,
    name: name.slice(0, nameMax),
    email,
    usernameBase: usernameFrom(preferred ?? rawEmail ?? name),
  };
}

/**
 * A user name made of what the person is called at the provider: lower case, accents dropped,
 * other characters turned into `-` (`Élodie.Martin@corp` → `elodie.martin`), at most 50
 * characters to leave room for a suffix; `user` when nothing usable remains.
 */
export function usernameFrom(text: string): string {
  const cleaned = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/@.*$/, '')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 50)
    .replace(/[._-]+$/, '');
  return cleaned.length >= 2 ? cleaned : 'user';
}

/** Candidates for a new user name, in order: `base`, `base-2` … `base-20`. */
export function usernameCandidates(base: string): string[] {
  return [base, ...Array.from({ length: 19 }, (_, index) => `${base}-${index + 2}`)];
}
