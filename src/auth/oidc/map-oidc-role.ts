import { roleAtLeast, roles, type Role } from '../../core/actor.js';

/** One entry of the role map: a person whose role claim holds `value` gets `role`; `*` matches anyone. */
export interface OidcRoleRule {
  role: Role;
  value: string;
}

/** The parsed map, or every problem found in it. */
export type ParsedOidcRoleMap = { ok: true; rules: OidcRoleRule[] } | { ok: false; problems: string[] };

/** A matched role and the claim value that gave it (`*` for the default). */
export interface MappedOidcRole {
  role: Role;
  matchedBy: string;
}

/**
 * Reads `admin=astreinte-admins,responder=oncall,viewer=*`. Entries are separated by commas, or by
 * lines when the text has several lines: group names written as LDAP DNs
 * (`cn=sre,ou=groups,dc=example`) hold commas and `=`, so one entry per line keeps them whole
 * (the role is what comes before the first `=`). The same role may appear several times.
 */
export function parseOidcRoleMap(text: string): ParsedOidcRoleMap {
  const entries = (text.includes('\n') ? text.split(/\r?\n/) : text.split(',')).map((entry) => entry.trim());
  const rules: OidcRoleRule[] = [];
  const problems: string[] = [];
  entries.forEach((entry, index) => {
    if (entry === '' || entry.startsWith('#')) return;
    const at = entry.indexOf('=');
    const role = (at === -1 ? entry : entry.slice(0, at)).trim();
    const value = at === -1 ? '' : entry.slice(at + 1).trim();
    if (!isRole(role)) problems.push(`entry ${index + 1} ("${entry}"): the role must be one of ${roles.join(', ')}`);
    else if (value === '')
      problems.push(`entry ${index + 1} ("${entry}"): give the claim value after "=", or * for anyone`);
    else rules.push({ role, value });
  });
  if (problems.length === 0 && rules.length === 0)
    problems.push('no entry: write role=claim value pairs, e.g. admin=astreinte-admins,viewer=*');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rules };
}

/**
 * The values of the role claim in a set of claims. `claim` is first taken as a plain name
 * (namespaced claims such as `https://example.com/roles` hold dots), then as a dotted path into
 * nested objects (Keycloak's `realm_access.roles`). A string counts as one value, a list gives its
 * strings; anything else gives nothing.
 */
export function oidcClaimValues(claims: Readonly<Record<string, unknown>>, claim: string): string[] {
  let value: unknown = claims[claim];
  if (value === undefined && claim.includes('.')) {
    value = claim.split('.').reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), claims);
  }
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/**
 * The highest role whose entry matches one of the person's claim values (exact, case-sensitive:
 * a group name is an identifier at the provider), or null when none does and no `*` entry gives
 * a default.
 */
export function mapOidcRole(rules: readonly OidcRoleRule[], values: readonly string[]): MappedOidcRole | null {
  let best: MappedOidcRole | null = null;
  for (const rule of rules) {
    if (rule.value !== '*' && !values.includes(rule.value)) continue;
    // A named group beats `*` for the same role, so the audit row says which group counted.
    if (best === null || !roleAtLeast(best.role, rule.role) || (best.role === rule.role && best.matchedBy === '*')) {
      best = { role: rule.role, matchedBy: rule.value };
    }
  }
  return best;
}

function isRole(text: string): text is Role {
  return (roles as readonly string[]).includes(text);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
