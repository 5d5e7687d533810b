import * as client from 'openid-client';
import type { OidcClient } from './oidc-client.js';
import { oidcRefusal } from './oidc-refusal.js';

/** What the provider vouches for: who (issuer and subject) and their claims. */
export interface OidcClaims {
  issuer: string;
  subject: string;
  claims: Record<string, unknown>;
}

/** The secrets of one attempt the answer is checked against. */
export interface OidcAttemptChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * Exchanges the authorization code (with the PKCE verifier) and validates the ID token: issuer,
 * audience, expiry, signature against the provider's keys, and the nonce of this attempt. The
 * claims are the ID token's merged over the UserInfo endpoint's: with the code flow, providers
 * such as oidc-provider follow the specification and put scope claims (e-mail, groups) in
 * UserInfo only, while others put everything in the ID token. UserInfo is bound to the ID token's
 * subject, so it cannot speak for someone else.
 */
export async function fetchOidcClaims(
  oidc: OidcClient,
  query: URLSearchParams,
  checks: OidcAttemptChecks,
): Promise<OidcClaims> {
  const configuration = await oidc.configuration();
  // openid-client takes the redirect_uri it sends with the code from this URL (query removed), so
  // it must be the registered one, not whatever host the request came in on.
  const callbackUrl = new URL(oidc.settings.redirectUrl);
  callbackUrl.search = query.toString();
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    throw providerFailure(error, 'the code exchange');
  }
  const idToken = tokens.claims();
  if (idToken === undefined) throw oidcRefusal('oidc_invalid_answer', 'the provider sent no ID token');
  let userInfo: Record<string, unknown> = {};
  if (configuration.serverMetadata().userinfo_endpoint !== undefined) {
    try {
      userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
    } catch (error) {
      throw providerFailure(error, 'the UserInfo request');
    }
  }
  return { issuer: idToken.iss, subject: idToken.sub, claims: { ...userInfo, ...idToken } };
}

/**
 * What went wrong with the provider, for the logs. A provider's error body names the problem
 * (`invalid_client`: a wrong client secret; `invalid_grant`: a code used twice or too late);
 * network failures say the provider is unavailable; anything else is an answer that failed
 * validation. No message here holds a token, a code or the client secret.
 */
function providerFailure(error: unknown, during: string): Error {
  if (error instanceof client.AuthorizationResponseError) {
    return oidcRefusal(
      'oidc_provider_refused',
      `the provider answered ${error.error}${error.error_description === undefined ? '' : `: ${error.error_description}`}`,
    );
  }
  if (error instanceof client.ResponseBodyError) {
    return oidcRefusal(
      'oidc_invalid_answer',
      `${during} failed at the provider: ${error.error} (HTTP ${error.status})${error.error_description === undefined ? '' : `: ${error.error_description}`}`,
    );
  }
  const cause = error instanceof Error ? error : new Error(String(error));
  if (
    cause.name === 'TimeoutError' ||
    cause.name === 'AbortError' ||
    (cause instanceof TypeError && cause.message === 'fetch failed')
  ) {
    return oidcRefusal('oidc_provider_unavailable', `${during} could not reach the provider: ${cause.message}`);
  }
  return oidcRefusal('oidc_invalid_answer', `${during} gave an answer that failed validation: ${cause.message}`, {
    code: (cause as { code?: unknown }).code ?? null,
  });
}
