import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { sessionCookie, sessionMaxMs } from '../auth/session-secret.js';
import type { SignedIn } from '../auth/sign-in.js';

/** What the console learns of a session (its secret stays in the HttpOnly cookie). */
export const SessionSchema = Type.Object({
  csrfToken: Type.String({ description: 'send as X-CSRF-Token with every change made with the session cookie' }),
  expiresAt: Type.Optional(Type.String()),
  user: Type.Object({
    id: Type.String(),
    username: Type.Optional(Type.String()),
    name: Type.String(),
    role: Type.String(),
  }),
});

/**
 * Sets the cookie of a session just opened: HttpOnly (scripts never see it), SameSite=Lax, Secure
 * when the public URL is https. The same for every way of signing in.
 */
export function setSessionCookie(reply: FastifyReply, secret: string, secure: boolean): void {
  reply.setCookie(sessionCookie, secret, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: sessionMaxMs / 1000,
  });
}

/** The answer to a sign-in: the session as the console sees it, its cookie set on `reply`. */
export function answerSignedIn(reply: FastifyReply, signedIn: SignedIn, secure: boolean) {
  setSessionCookie(reply, signedIn.secret, secure);
  return { csrfToken: signedIn.csrfToken, expiresAt: signedIn.expiresAt, user: signedIn.user };
}
