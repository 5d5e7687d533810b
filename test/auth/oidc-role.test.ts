import { describe, expect, it } from 'vitest';
import {
  mapOidcRole,
  oidcClaimValues,
  parseOidcRoleMap,
  type OidcRoleRule,
} from '../../src/auth/oidc/map-oidc-role.js';

const rulesOf = (text: string): OidcRoleRule[] => {
  const parsed = parseOidcRoleMap(text);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.rules;
};

describe('mapping OpenID Connect claims to a role', () => {
  const rules = rulesOf('admin=astreinte-admins, responder=oncall ,viewer=*');

  it('reads role=value entries separated by commas', () => {
    expect(rules).toEqual([
      { role: 'admin', value: 'astreinte-admins' },
      { role: 'responder', value: 'oncall' },
      { role: 'viewer', value: '*' },
    ]);
  });

  it('reads one entry per line when there are several lines, so LDAP group names keep their commas', () => {
    expect(
      rulesOf('admin=cn=sre,ou=groups,dc=example\n# comment\n\nresponder=cn=oncall,ou=groups,dc=example\r\n'),
    ).toEqual([
      { role: 'admin', value: 'cn=sre,ou=groups,dc=example' },
      { role: 'responder', value: 'cn=oncall,ou=groups,dc=example' },
    ]);
  });

  it('names each bad entry', () => {
    expect(parseOidcRoleMap('owner=root,admin=,responder')).toEqual({
      ok: false,
      problems: [
        'entry 1 ("owner=root"): the role must be one of viewer, responder, admin',
        'entry 2 ("admin="): give the claim value after "=", or * for anyone',
        'entry 3 ("responder"): give the claim value after "=", or * for anyone',
      ],
    });
    expect(parseOidcRoleMap(' , ')).toEqual({ ok: false, problems: [expect.stringContaining('no entry')] });
  });

  it('gives the highest role matched, whatever the order of the entries or of the groups', () => {
    expect(mapOidcRole(rules, ['staff', 'oncall', 'astreinte-admins'])).toEqual({
      role: 'admin',
      matchedBy: 'astreinte-admins',
    });
    expect(mapOidcRole(rulesOf('viewer=*,responder=oncall,admin=astreinte-admins'), ['oncall'])).toEqual({
      role: 'responder',
      matchedBy: 'oncall',
    });
    expect(mapOidcRole(rules, ['oncall'])).toEqual({ role: 'responder', matchedBy: 'oncall' });
  });

  it('falls back on the * entry, and gives nothing without one', () => {
    expect(mapOidcRole(rules, ['marketing'])).toEqual({ role: 'viewer', matchedBy: '*' });
    expect(mapOidcRole(rules, [])).toEqual({ role: 'viewer', matchedBy: '*' });
    expect(mapOidcRole(rulesOf('admin=astreinte-admins,responder=oncall'), ['marketing'])).toBeNull();
    expect(mapOidcRole(rulesOf('admin=astreinte-admins'), [])).toBeNull();
  });

  it('names the group rather than * when both give the same role', () => {
    expect(mapOidcRole(rulesOf('viewer=*,viewer=readers'), ['readers'])).toEqual({
      role: 'viewer',
      matchedBy: 'readers',
    });
  });

  it('matches group names exactly: another case is another group', () => {
    expect(mapOidcRole(rulesOf('admin=Astreinte-Admins'), ['astreinte-admins'])).toBeNull();
  });

  it('reads the role claim as a list, a single string, a namespaced name or a dotted path', () => {
    expect(oidcClaimValues({ groups: ['a', 'b', 3, null] }, 'groups')).toEqual(['a', 'b']);
    expect(oidcClaimValues({ role: 'oncall' }, 'role')).toEqual(['oncall']);
    expect(oidcClaimValues({ 'https://example.com/roles': ['ops'] }, 'https://example.com/roles')).toEqual(['ops']);
    expect(oidcClaimValues({ realm_access: { roles: ['admins'] } }, 'realm_access.roles')).toEqual(['admins']);
    expect(oidcClaimValues({ groups: { nested: true } }, 'groups')).toEqual([]);
    expect(oidcClaimValues({}, 'groups')).toEqual([]);
    expect(oidcClaimValues({ realm_access: 'x' }, 'realm_access.roles')).toEqual([]);
  });
});
