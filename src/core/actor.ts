/** Roles, weakest first: each role may do everything the ones before it may. */
export const roles = ['viewer', 'responder', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Who did something: every timeline event and audit row names one. */
export type Actor =
  | { type: 'user'; id: string; name: string; role: Role; tokenId?: string; sessionId?: string }
  | { type: 'integration'; id: string; name: string }
  /** A runner, known by its token: it may only claim step jobs and report on them (see `requireRunner`). */
  | { type: 'runner'; id: string; name: string; tokenId: string }
  | { type: 'system'; name: string };

export const systemActor: Actor = { type: 'system', name: 'astreinte' };

export function actorId(actor: Actor): string | null {
  return actor.type === 'system' ? null : actor.id;
}

/** Whether `role` is at least `minimum`. */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return roles.indexOf(role) >= roles.indexOf(minimum);
}

/**
 * The role an actor acts with: integrations respond, the system administers. A runner has none
 * (null): it may do nothing a role allows, only what `requireRunner` lets through.
 */
export function actorRole(actor: Actor): Role | null {
  if (actor.type === 'user') return actor.role;
  if (actor.type === 'runner') return null;
  return actor.type === 'integration' ? 'responder' : 'admin';
}
