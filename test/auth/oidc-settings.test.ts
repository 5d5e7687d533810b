import { describe, expect, it } from 'vitest';
import { oidcProfileOf, usernameFrom } from '../../src/auth/oidc/oidc-profile.js';
import { oidcSettingsOf } from '../../src/auth/oidc/oidc-settings.js';
import { safeNextPath } from '../../src/auth/oidc/start-oidc-sign-in.js';
import { type ConfigError, loadConfig } from '../../src/config/config.js';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig({ env });
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('OpenID Connect settings', () => {
  it('are off without an issuer, whatever else is set', () => {
    expect(oidcSettingsOf(loadConfig({ env: { ASTREINTE_OIDC_CLIENT_ID: 'x' } }))).toBeNull();
  });

  it('take their defaults and derive the callback from the public URL', () => {
    const config = loadConfig({
      env: {
        ASTREINTE_OIDC_ISSUER: 'https://id.example.com/realms/ops',
        ASTREINTE_OIDC_CLIENT_ID: 'astreinte',
        ASTREINTE_OIDC_ROLE_MAP: 'viewer=*',
        ASTREINTE_PUBLIC_URL: 'https://astreinte.example.com/',
      },
    });
    expect(oidcSettingsOf(config)).toMatchObject({
      clientId: 'astreinte',
      clientSecret: null,
      redirectUrl: 'https://astreinte.example.com/auth/oidc/callback',
      scopes: 'openid profile email',
      roleClaim: 'groups',
      roleRules: [{ role: 'viewer', value: '*' }],
      buttonLabel: 'SSO',
      allowHttp: false,
    });
  });

  it('say what is missing or wrong once an issuer is set, never echoing the client secret', () => {
    expect(problemsOf({ ASTREINTE_OIDC_ISSUER: 'https://id.example.com' })).toEqual([
      'ASTREINTE_OIDC_CLIENT_ID: required when ASTREINTE_OIDC_ISSUER is set',
      expect.stringMatching(/^ASTREINTE_OIDC_REDIRECT_URL: required/),
      expect.stringMatching(/^ASTREINTE_OIDC_ROLE_MAP: required/),
    ]);
    const problems = problemsOf({
      ASTREINTE_OIDC_ISSUER: 'http://id.example.com',
      ASTREINTE_OIDC_CLIENT_ID: 'a',
      ASTREINTE_OIDC_CLIENT_SECRET: 'very-secret',
      ASTREINTE_OIDC_REDIRECT_URL: 'https://a.example/cb',
      ASTREINTE_OIDC_SCOPES: 'profile email',
      ASTREINTE_OIDC_ROLE_MAP: 'boss=x',
    });
    expect(problems).toEqual([
      expect.stringMatching(/^ASTREINTE_OIDC_ISSUER: the provider must be reached over https/),
      'ASTREINTE_OIDC_SCOPES: must include openid',
      expect.stringMatching(/^ASTREINTE_OIDC_ROLE_MAP: entry 1/),
    ]);
    expect(problems.join('\n')).not.toContain('very-secret');
  });

  it('allow plain http to a provider on this machine only', () => {
    const config = loadConfig({
      env: {
        ASTREINTE_OIDC_ISSUER: 'http://127.0.0.1:9000',
        ASTREINTE_OIDC_CLIENT_ID: 'a',
        ASTREINTE_OIDC_REDIRECT_URL: 'http://127.0.0.1:8080/auth/oidc/callback',
        ASTREINTE_OIDC_ROLE_MAP: 'viewer=*',
      },
    });
    expect(oidcSettingsOf(config)?.allowHttp).toBe(true);
  });
});

describe('where single sign-on lands', () => {
  it('keeps local paths with their query and fragment', () => {
    expect(safeNextPath('/incidents/INC-4?tab=timeline#e12')).toBe('/incidents/INC-4?tab=timeline#e12');
    expect(safeNextPath('/')).toBe('/');
  });

  it('falls back on / for anything a browser would read as another site, and for the sign-in pages', () => {
    for (const next of [
      undefined,
      '',
      'incidents',
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      '/sign-in',
      '/auth/oidc/start',
      `/${'a'.repeat(2001)}`,
    ]) {
      expect(safeNextPath(next), String(next)).toBe('/');
    }
  });
});

describe('what is kept of the claims', () => {
  it('makes a user name from the preferred user name or the e-mail', () => {
    expect(oidcProfileOf({ preferred_username: 'Élodie.Martin@corp', email: 'e@x.test' }, 's').usernameBase).toBe(
      'elodie.martin',
    );
    expect(oidcProfileOf({ email: 'J.Doe+ops@x.test' }, 's').usernameBase).toBe('j.doe-ops');
    expect(usernameFrom('-- ')).toBe('user');
    expect(usernameFrom('x'.repeat(80))).toHaveLength(50);
  });

  it('falls back for the name, and ignores an e-mail the provider calls unverified', () => {
    expect(oidcProfileOf({ given_name: 'Ada', family_name: 'Lovelace', email: 'ada@x.test' }, 's')).toMatchObject({
      name: 'Ada Lovelace',
      email: 'ada@x.test',
    });
    expect(oidcProfileOf({ email: 'ada@x.test', email_verified: false }, 'sub-1')).toMatchObject({
      name: 'ada@x.test',
      email: null,
    });
    expect(oidcProfileOf({}, 'sub-1')).toMatchObject({ name: 'sub-1', email: null, usernameBase: 'sub-1' });
  });
});
