import { createContext, useContext } from 'react';
import { api, setCsrfToken } from './api';
import type { Session } from './types';

/**
 * The signed-in person, shared with every page. The session itself is the HttpOnly cookie the
 * browser keeps; the console only holds what `/auth/session` tells about it (user, CSRF token).
 */
export interface SessionState {
  session: Session;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionState | null>(null);

/** The current session; only pages rendered after sign-in call it. */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (state === null) throw new Error('useSession outside a signed-in page');
  return state;
}

/** Asks the server who the cookie belongs to; throws ApiError (401 when nobody is signed in). */
export async function loadSession(): Promise<Session> {
  const session = await api<Session>('GET', '/auth/session');
  setCsrfToken(session.csrfToken);
  return session;
}

export async function signIn(username: string, password: string): Promise<Session> {
  const session = await api<Session>('POST', '/auth/sign-in', { username, password });
  setCsrfToken(session.csrfToken);
  return session;
}

/** Ends the session on the server; the cookie is cleared by its answer. */
export async function endSession(): Promise<void> {
  try {
    await api<void>('POST', '/auth/sign-out');
  } finally {
    // Even if the server could not be told, this page must stop acting as signed in.
    setCsrfToken(null);
  }
}
