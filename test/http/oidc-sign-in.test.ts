import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedLoopbackPort } from '../support/loopback-servers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';
import { startLocalOidcProvider, type LocalOidcProvider } from '../auth/local-oidc-provider.js';

/** The cookies a browser would keep (one host: a browser does not tell ports apart either). */
class CookieJar {
  readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const expired = attributes.some(
        (attribute) => /^\s*max-age=0\s*$/i.test(attribute) || /^\s*expires=.*1970/i.test(attribute),
      );
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(at + 1).trim());
    }
  }
}

interface Landing {
  /** Where the sign-in ended: the first page of the app that is not `/auth/oidc/*`. */
  url: URL;
  jar: CookieJar;
  /** The callback URL the provider sent the browser to, if it got that far. */
  callback: URL | null;
}

describe.each(testBackends)('signing in with OpenID Connect on $backend', ({ backend, available }) => {
  let provider: LocalOidcProvider;
  let t: TestApp;
  let appUrl: string;

  beforeAll(async () => {
    if (!available) return;
    const port = await closedLoopbackPort();
    appUrl = `http://127.0.0.1:${port}`;
    provider = await startLocalOidcProvider({
      clientId: 'astreinte',
      clientSecret: 'client-secret-for-tests',
      redirectUris: [`${appUrl}/auth/oidc/callback`],
    });
    provider.accounts.set('alice-sub', {
      name: 'Alice Martin',
      email: 'alice@example.test',
      preferred_username: 'alice',
      groups: ['astreinte-admins', 'staff'],
    });
    provider.accounts.set('bob-sub', { name: 'Bob', email: 'bob@example.test', groups: ['marketing'] });
    provider.accounts.set('carol-sub', { name: 'Carol', email: 'viewer@example.test', groups: ['oncall'] });
    t = await createTestApp(backend, {
      config: {
        publicUrl: appUrl,
        oidcIssuer: provider.issuer,
        oidcClientId: 'astreinte',
        oidcClientSecret: 'client-secret-for-tests',
        oidcScopes: 'openid profile email groups',
        oidcRoleMap: 'admin=astreinte-admins,responder=oncall',
        oidcButtonLabel: 'Test IdP',
      },
    });
    await t.app.listen({ port, host: '127.0.0.1' });
  });
  afterAll(async () => {
    if (!available) return;
    await t.close();
    await provider.close();
  });

  /**
   * What a browser does: `/auth/oidc/start`, the provider, back to the callback, following each
   * redirect with the cookies it was given. `tamper` may change the callback URL before it is
   * followed, as an attacker would.
   */
  const signInAs = async (
    login: LocalOidcProvider['next'],
    next: string,
    tamper?: (callback: URL) => void,
  ): Promise<Landing> => {
    provider.next = login;
    const jar = new CookieJar();
    let url = new URL(`/auth/oidc/start?next=${encodeURIComponent(next)}`, appUrl);
    let callback: URL | null = null;
    for (let hop = 0; hop < 20; hop += 1) {
      if (url.origin === appUrl && url.pathname === '/auth/oidc/callback') {
        tamper?.(url);
        callback = new URL(url);
      }
      const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
      jar.keep(response);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || location === null)
        throw new Error(`${url.href} answered ${response.status}: ${await response.text()}`);
      await response.body?.cancel();
      url = new URL(location, url);
      if (url.origin === appUrl && !url.pathname.startsWith('/auth/oidc/')) return { url, jar, callback };
    }
    throw new Error('too many redirects');
  };
  const sessionOf = async (jar: CookieJar) =>
    fetch(new URL('/auth/session', appUrl), { headers: { cookie: jar.header() } });
  const userBySubject = async (subject: string) =>
    (
      await t.db.query<{ id: string; username: string; name: string; email: string; role: string }>(
        `SELECT u.id, u.username, u.name, u.email, u.role FROM user_identities i JOIN users u ON u.id = i.user_id WHERE i.issuer = $1 AND i.subject = $2`,
        [provider.issuer, subject],
      )
    ).rows[0];

  it.skipIf(!available)('tells the sign-in page that single sign-on is on, with its button label', async () => {
    const methods = await fetch(new URL('/auth/methods', appUrl));
    expect(await methods.json()).toEqual({ password: true, oidc: { label: 'Test IdP', startUrl: '/auth/oidc/start' } });
  });

  it.skipIf(!available)('creates the user with the mapped role and opens a session like password sign-in', async () => {
    const landing = await signInAs({ accountId: 'alice-sub' }, '/incidents/INC-1?tab=timeline');
    expect(landing.url.pathname + landing.url.search).toBe('/incidents/INC-1?tab=timeline');
    expect(landing.jar.cookies.has('astreinte_oidc')).toBe(false);
    const session = await sessionOf(landing.jar);
    expect(session.status).toBe(200);
    const { csrfToken, user } = (await session.json()) as {
      csrfToken: string;
      user: { id: string; name: string; role: string };
    };
    expect(user).toMatchObject({ name: 'Alice Martin', role: 'admin' });
    expect(await userBySubject('alice-sub')).toMatchObject({
      id: user.id,
      username: 'alice',
      email: 'alice@example.test',
      role: 'admin',
    });

    const cookie = landing.jar.header();
    const forged = await fetch(new URL('/api/v1/incidents', appUrl), {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'No token', severity: 'P3' }),
    });
    expect(forged.status).toBe(403);
    const declared = await fetch(new URL('/api/v1/incidents', appUrl), {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'From single sign-on', severity: 'P3' }),
    });
    expect(declared.status).toBe(201);
    const { rows } = await t.db.query<{ action: string; actor_name: string; details: Record<string, unknown> }>(
      `SELECT action, actor_name, details FROM audit_log WHERE actor_id = $1 AND action IN ('user.create', 'session.create') ORDER BY id`,
      [user.id],
    );
    expect(rows).toEqual([
      {
        action: 'user.create',
        actor_name: 'Alice Martin',
        details: expect.objectContaining({ source: 'oidc', role: 'admin', matchedBy: 'astreinte-admins' }),
      },
      {
        action: 'session.create',
        actor_name: 'Alice Martin',
        details: { method: 'oidc', issuer: provider.issuer, matchedBy: 'astreinte-admins' },
      },
    ]);
  });

  it.skipIf(!available)(
    "updates the role, name and e-mail from the claims at the next sign-in, and caps the user's tokens",
    async () => {
      const before = (await userBySubject('alice-sub'))!;
      const token = await t.call('POST', '/api/v1/tokens', {
        body: { userId: before.id, name: 'alice admin token', role: 'admin' },
      });
      expect(token.statusCode, token.body).toBe(201);
      provider.accounts.set('alice-sub', {
        name: 'Alice Martin-Durand',
        email: 'alice.durand@example.test',
        preferred_username: 'alice',
        groups: ['oncall'],
      });
      const landing = await signInAs({ accountId: 'alice-sub' }, '/');
      expect(landing.url.pathname).toBe('/');
      const user = (await (await sessionOf(landing.jar)).json()) as { user: { role: string; name: string } };
      expect(user.user).toMatchObject({ role: 'responder', name: 'Alice Martin-Durand' });
      expect(await userBySubject('alice-sub')).toEqual({
        ...before,
        name: 'Alice Martin-Durand',
        email: 'alice.durand@example.test',
        role: 'responder',
      });
      const { rows: tokens } = await t.db.query<{ role: string }>(`SELECT role FROM api_tokens WHERE user_id = $1`, [
        before.id,
      ]);
      expect(tokens.map((row) => row.role)).toEqual(['responder']);
      const { rows: audit } = await t.db.query<{ details: Record<string, unknown> }>(
        `SELECT details FROM audit_log WHERE action = 'user.update' AND target_id = $1`,
        [before.id],
      );
      expect(audit.at(-1)!.details).toMatchObject({
        source: 'oidc',
        fields: ['name', 'email', 'role'],
        role: { from: 'admin', to: 'responder', matchedBy: 'oncall' },
      });
    },
  );

  it.skipIf(!available)('refuses a person none of whose groups the role map names, and creates nobody', async () => {
    const landing = await signInAs({ accountId: 'bob-sub' }, '/incidents/INC-2');
    expect(landing.url.pathname).toBe('/sign-in');
    expect(Object.fromEntries(landing.url.searchParams)).toEqual({ error: 'oidc_no_role', next: '/incidents/INC-2' });
    expect(landing.jar.cookies.has('astreinte_session')).toBe(false);
    expect(await userBySubject('bob-sub')).toBeUndefined();
    const { rows } = await t.db.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_log WHERE action = 'session.refuse'`,
    );
    expect(rows.at(-1)!.details).toMatchObject({ reason: 'oidc_no_role', subject: 'bob-sub', values: ['marketing'] });
  });

  it.skipIf(!available)(
    'refuses a tampered state, and a callback replayed or coming without the attempt cookie',
    async () => {
      const tampered = await signInAs({ accountId: 'alice-sub' }, '/', (callback) =>
        callback.searchParams.set('state', 'forged-state'),
      );
      expect(tampered.url.pathname + tampered.url.search).toBe('/sign-in?error=oidc_state');
      expect(tampered.jar.cookies.has('astreinte_session')).toBe(false);

      const honest = await signInAs({ accountId: 'alice-sub' }, '/');
      expect(honest.url.pathname).toBe('/');
      const replayed = await fetch(honest.callback!, {
        redirect: 'manual',
        headers: { cookie: `astreinte_oidc=${'x'.repeat(43)}` },
      });
      expect(replayed.headers.get('location')).toBe('/sign-in?error=oidc_expired');
      const withoutCookie = await fetch(honest.callback!, { redirect: 'manual' });
      expect(withoutCookie.headers.get('location')).toBe('/sign-in?error=oidc_expired');
    },
  );

  it.skipIf(!available)('lands on / when next is not a local path', async () => {
    for (const next of ['//evil.example', 'https://evil.example/', '/\\evil.example', '/\t/evil.example']) {
      const landing = await signInAs({ accountId: 'alice-sub' }, next);
      expect(landing.url.href, next).toBe(`${appUrl}/`);
    }
  });

  it.skipIf(!available)(
    "says so when the provider refuses, the user is deactivated, or the e-mail is another user's",
    async () => {
      const refused = await signInAs({ error: 'access_denied' }, '/incidents/INC-3');
      expect(Object.fromEntries(refused.url.searchParams)).toEqual({
        error: 'oidc_provider_refused',
        next: '/incidents/INC-3',
      });

      const clash = await signInAs({ accountId: 'carol-sub' }, '/');
      expect(clash.url.search).toBe('?error=oidc_email_in_use');
      expect(await userBySubject('carol-sub')).toBeUndefined();

      const alice = (await userBySubject('alice-sub'))!;
      await t.db.query(`UPDATE users SET deactivated_at = now() WHERE id = $1`, [alice.id]);
      try {
        const deactivated = await signInAs({ accountId: 'alice-sub' }, '/');
        expect(deactivated.url.search).toBe('?error=oidc_deactivated');
        expect(deactivated.jar.cookies.has('astreinte_session')).toBe(false);
      } finally {
        await t.db.query(`UPDATE users SET deactivated_at = NULL WHERE id = $1`, [alice.id]);
      }
    },
  );
});

describe('single sign-on switched off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(async () => t.close());

  it('says so to the sign-in page and sends /auth/oidc/* back to it', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/auth/methods' })).json()).toEqual({
      password: true,
      oidc: null,
    });
    const start = await t.app.inject({ method: 'GET', url: '/auth/oidc/start?next=/incidents' });
    expect(start.statusCode).toBe(302);
    expect(start.headers.location).toBe('/sign-in?error=oidc_disabled&next=%2Fincidents');
    const callback = await t.app.inject({ method: 'GET', url: '/auth/oidc/callback?code=x&state=y' });
    expect(callback.headers.location).toBe('/sign-in?error=oidc_disabled');
  });
});

describe('single sign-on with the provider down', () => {
  let t: TestApp;
  beforeAll(async () => {
    const deadPort = await closedLoopbackPort();
    t = await createTestApp('pglite', {
      config: {
        publicUrl: 'http://127.0.0.1:8080',
        oidcIssuer: `http://127.0.0.1:${deadPort}`,
        oidcClientId: 'astreinte',
        oidcRoleMap: 'viewer=*',
      },
    });
  });
  afterAll(async () => t.close());

  it('sends people back to the sign-in page saying the provider cannot be reached', async () => {
    const start = await t.app.inject({ method: 'GET', url: '/auth/oidc/start?next=%2Fservices' });
    expect(start.statusCode).toBe(302);
    expect(start.headers.location).toBe('/sign-in?error=oidc_provider_unavailable&next=%2Fservices');
    expect(start.headers['set-cookie']).toBeUndefined();
  });
});
