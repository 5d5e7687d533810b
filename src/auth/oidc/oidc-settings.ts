import type { Config } from '../../config/config.js';
import { parseOidcRoleMap, type OidcRoleRule } from './map-oidc-role.js';

/** Where the provider sends people back, under the server's public URL by default. */
export const oidcCallbackPath = '/auth/oidc/callback';

/** Defaults of the optional OpenID Connect settings (kept out of the config schema: OIDC is off by default). */
export const oidcDefaults = { scopes: 'openid profile email', roleClaim: 'groups', buttonLabel: 'SSO' } as const;

/** OpenID Connect sign-in as configured, defaults applied and the role map parsed. */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  /** Null for a public client (PKCE only). Never logged. */
  clientSecret: string | null;
  redirectUrl: string;
  scopes: string;
  roleClaim: string;
  roleRules: OidcRoleRule[];
  buttonLabel: string;
  /** Plain http to the provider, allowed for a provider on this machine only (a local one, tests). */
  allowHttp: boolean;
}

/** Whether a host is this machine: only there may the provider be reached without TLS. */
function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(url.hostname);
}

/**
 * The problems of the OpenID Connect settings, each with where it came from; none when no issuer
 * is set (single sign-on off, the other settings ignored). Run by `loadConfig` once at start.
 */
export function checkOidcSettings(config: Config, origin: Readonly<Record<string, string>>): string[] {
  if (config.oidcIssuer === undefined) return [];
  const where = (key: keyof Config, fallback: string): string => origin[key] ?? fallback;
  const problems: string[] = [];
  const issuer = parseUrl(config.oidcIssuer);
  if (issuer === null) problems.push(`${where('oidcIssuer', 'ASTREINTE_OIDC_ISSUER')}: not a URL`);
  else if (issuer.protocol === 'http:' && !isLoopback(issuer)) {
    problems.push(
      `${where('oidcIssuer', 'ASTREINTE_OIDC_ISSUER')}: the provider must be reached over https (http only on 127.0.0.1 or localhost)`,
    );
  }
  if (config.oidcClientId === undefined)
    problems.push('ASTREINTE_OIDC_CLIENT_ID: required when ASTREINTE_OIDC_ISSUER is set');
  if (config.oidcRedirectUrl === undefined && config.publicUrl === undefined) {
    problems.push(
      'ASTREINTE_OIDC_REDIRECT_URL: required when ASTREINTE_OIDC_ISSUER is set and ASTREINTE_PUBLIC_URL is not (the callback URL registered at the provider)',
    );
  } else if (parseUrl(redirectUrlOf(config)) === null) {
    problems.push(
      `${where('oidcRedirectUrl', 'ASTREINTE_PUBLIC_URL')}: the callback URL ${JSON.stringify(redirectUrlOf(config))} is not a URL`,
    );
  }
  if (!(config.oidcScopes ?? oidcDefaults.scopes).split(/\s+/).includes('openid')) {
    problems.push(`${where('oidcScopes', 'ASTREINTE_OIDC_SCOPES')}: must include openid`);
  }
  if (config.oidcRoleMap === undefined) {
    problems.push(
      'ASTREINTE_OIDC_ROLE_MAP: required when ASTREINTE_OIDC_ISSUER is set, e.g. admin=astreinte-admins,responder=oncall (add viewer=* to let anyone in)',
    );
  } else {
    const parsed = parseOidcRoleMap(config.oidcRoleMap);
    if (!parsed.ok)
      problems.push(
        ...parsed.problems.map((problem) => `${where('oidcRoleMap', 'ASTREINTE_OIDC_ROLE_MAP')}: ${problem}`),
      );
  }
  return problems;
}

/**
 * The settings in force, or null when single sign-on is off. Expects a configuration that went
 * through `loadConfig` (checked): anything still wrong here is a programming error.
 */
export function oidcSettingsOf(config: Config): OidcSettings | null {
  if (config.oidcIssuer === undefined) return null;
  const problems = checkOidcSettings(config, {});
  const parsed = parseOidcRoleMap(config.oidcRoleMap ?? '');
  if (problems.length > 0 || !parsed.ok || config.oidcClientId === undefined)
    throw new Error(`OpenID Connect settings not checked: ${problems.join('; ')}`);
  const issuer = new URL(config.oidcIssuer);
  return {
    issuer,
    clientId: config.oidcClientId,
    clientSecret: config.oidcClientSecret ?? null,
    redirectUrl: redirectUrlOf(config),
    scopes: config.oidcScopes ?? oidcDefaults.scopes,
    roleClaim: config.oidcRoleClaim ?? oidcDefaults.roleClaim,
    roleRules: parsed.rules,
    buttonLabel: config.oidcButtonLabel ?? oidcDefaults.buttonLabel,
    allowHttp: issuer.protocol === 'http:' && isLoopback(issuer),
  };
}

function redirectUrlOf(config: Config): string {
  return config.oidcRedirectUrl ?? `${(config.publicUrl ?? '').replace(/\/+$/, '')}${oidcCallbackPath}`;
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
