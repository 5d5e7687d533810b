import * as client from 'openid-client';
import { oidcRefusal } from './oidc-refusal.js';
import type { OidcSettings } from './oidc-settings.js';

/** How long a discovered configuration is used before the provider is asked again. */
const rediscoverAfterMs = 3_600_000;
/** Seconds each request to the provider may take: a hung provider must not hold sign-ins forever. */
const requestTimeoutSeconds = 10;

/**
 * The relying party of one provider: its discovered metadata, kept and shared by every sign-in
 * of this node. Signing keys are openid-client's business (it fetches the JWKS itself and again
 * when a token names an unknown key, so key rotation needs no rediscovery). Discovery is done at
 * the first sign-in, not at start: a provider down when the server starts must not stop it.
 */
export class OidcClient {
  #cached: { configuration: client.Configuration; at: number } | null = null;
  #pending: Promise<client.Configuration> | null = null;

  constructor(
    readonly settings: OidcSettings,
    private readonly now: () => Date,
  ) {}

  /**
   * The provider's configuration. Concurrent callers share one discovery; a failed rediscovery
   * keeps the last good configuration (the provider may be briefly down), a failed first one
   * throws `oidc_provider_unavailable` and is tried again at the next sign-in.
   */
  async configuration(): Promise<client.Configuration> {
    const cached = this.#cached;
    if (cached !== null && this.now().getTime() - cached.at < rediscoverAfterMs) return cached.configuration;
    this.#pending ??= this.#discover().finally(() => {
      this.#pending = null;
    });
    try {
      return await this.#pending;
    } catch (error) {
      if (cached !== null) return cached.configuration;
      throw error;
    }
  }

  async #discover(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret, allowHttp } = this.settings;
    try {
      const configuration = await client.discovery(
        issuer,
        clientId,
        clientSecret === null ? {} : { client_secret: clientSecret },
        // Basic is what providers accept by default (oidc-provider, Keycloak, Entra); a client
        // without a secret is a public one, protected by PKCE alone.
        clientSecret === null ? client.None() : client.ClientSecretBasic(clientSecret),
        // openid-client refuses plain http outright; the settings allow it for loopback only.
        { timeout: requestTimeoutSeconds, ...(allowHttp ? { execute: [client.allowInsecureRequests] } : {}) },
      );
      configuration.timeout = requestTimeoutSeconds;
      this.#cached = { configuration, at: this.now().getTime() };
      return configuration;
    } catch (error) {
      // The message names the issuer and what failed, never the client secret.
      throw oidcRefusal('oidc_provider_unavailable', `discovery at ${issuer.href} failed: ${(error as Error).message}`);
    }
  }
}
