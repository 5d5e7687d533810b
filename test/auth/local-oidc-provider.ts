import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Provider, { type AdapterPayload } from 'oidc-provider';
import { listenOnLoopback } from '../support/loopback-servers.js';

/** A person at the test provider; their claims are read at each sign-in, so tests may change them. */
export interface TestAccount {
  name: string;
  email: string;
  email_verified?: boolean;
  preferred_username?: string;
  groups: string[];
}

/** A real OpenID Connect provider (oidc-provider) on 127.0.0.1, for the single sign-on tests. */
export interface LocalOidcProvider {
  issuer: string;
  accounts: Map<string, TestAccount>;
  /** Who the next login at the provider is, or the error the provider answers instead (`access_denied`). */
  next: { accountId: string } | { error: string };
  close(): Promise<void>;
}

/**
 * Starts oidc-provider with one confidential client and an interaction that logs in whoever
 * `next` names and grants what the client asked for: the login and consent screens are the
 * provider's business, not what is tested. `groups` is a scope of its own, with the claim of the
 * same name, as Keycloak and others offer it.
 */
export async function startLocalOidcProvider(client: {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}): Promise<LocalOidcProvider> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server = await listenOnLoopback(createServer((req, res) => handle(req, res)));
  const issuer = `http://127.0.0.1:${server.port}`;
  const state: LocalOidcProvider = {
    issuer,
    accounts: new Map(),
    next: { error: 'access_denied' },
    close: () => server.close(),
  };
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: client.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] as never },
    cookies: { keys: ['local-oidc-provider-test-key'] },
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      email: ['email', 'email_verified'],
      groups: ['groups'],
    },
    features: { devInteractions: { enabled: false } },
    // Said explicitly so the provider does not print a notice for each default it falls back on.
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    adapter: MemoryAdapter,
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const account = state.accounts.get(sub);
      if (account === undefined) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...account }) };
    },
  });
  const callback = provider.callback();
  handle = (req, res) => {
    if (req.url?.startsWith('/interaction/') !== true) {
      // Koa's handler answers its own errors: the promise it returns never rejects.
      void callback(req, res);
      return;
    }
    interact(provider, state, req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  };
  return state;
}

/** The provider's storage, in memory like its default one, which prints a warning for each provider started. */
class MemoryAdapter {
  static readonly store = new Map<string, AdapterPayload>();
  constructor(private readonly model: string) {}
  private key(id: string): string {
    return `${this.model}:${id}`;
  }
  upsert(id: string, payload: AdapterPayload): Promise<void> {
    MemoryAdapter.store.set(this.key(id), payload);
    return Promise.resolve();
  }
  find(id: string): Promise<AdapterPayload | undefined> {
    return Promise.resolve(MemoryAdapter.store.get(this.key(id)));
  }
  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return Promise.resolve(
      [...MemoryAdapter.store.entries()].find(
        ([key, payload]) => key.startsWith(`${this.model}:`) && payload.uid === uid,
      )?.[1],
    );
  }
  findByUserCode(): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  consume(id: string): Promise<void> {
    const payload = MemoryAdapter.store.get(this.key(id));
    if (payload !== undefined) payload.consumed = Math.floor(Date.now() / 1000);
    return Promise.resolve();
  }
  destroy(id: string): Promise<void> {
    MemoryAdapter.store.delete(this.key(id));
    return Promise.resolve();
  }
  revokeByGrantId(grantId: string): Promise<void> {
    for (const [key, payload] of MemoryAdapter.store) if (payload.grantId === grantId) MemoryAdapter.store.delete(key);
    return Promise.resolve();
  }
}

async function interact(
  provider: Provider,
  state: LocalOidcProvider,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  const next = state.next;
  if ('error' in next) {
    await provider.interactionFinished(
      req,
      res,
      { error: next.error, error_description: 'refused by the test provider' },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  if (details.prompt.name === 'login') {
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: next.accountId } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  const asked = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
  const accountId = details.session?.accountId ?? next.accountId;
  const grant =
    details.grantId === undefined
      ? new provider.Grant({ accountId, clientId: String(details.params['client_id']) })
      : (await provider.Grant.find(details.grantId))!;
  if (asked.missingOIDCScope !== undefined) grant.addOIDCScope(asked.missingOIDCScope.join(' '));
  if (asked.missingOIDCClaims !== undefined) grant.addOIDCClaims(asked.missingOIDCClaims);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}
