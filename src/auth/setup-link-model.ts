import type { Role } from '../core/actor.js';
import { AppError } from '../core/app-error.js';
import type { Queryable } from '../storage/database.js';
import { hashSetupToken } from './setup-link-secret.js';

/** Why a link was refused, in `details.reason` of the 400: the console says each in its own words. */
export const setupLinkRefusals = ['unknown', 'used', 'expired'] as const;
export type SetupLinkRefusal = (typeof setupLinkRefusals)[number];

const messages: Record<SetupLinkRefusal, string> = {
  unknown: 'this setup link is not valid',
  used: 'this setup link was already used (or replaced by a newer one)',
  expired: 'this setup link has expired',
};

/** A link that may still be used, and the person it is for. */
export interface UsableSetupLink {
  id: string;
  expiresAt: Date;
  user: { id: string; username: string; name: string; role: Role };
}

const selectLink = `
  SELECT l.id, l.expires_at, l.used_at, l.replaced_at, u.id AS user_id, u.username, u.name, u.role, u.deactivated_at
    FROM setup_links l JOIN users u ON u.id = l.user_id
   WHERE l.token_hash = $1`;

/**
 * The link a token opens, if it can still be used at `now`; else a 400 naming `/token` with
 * `details.reason`. `lock` takes the link's row for the caller's transaction, so that two
 * browsers posting the same link cannot both use it.
 */
export async function loadUsableSetupLink(
  db: Queryable,
  token: string,
  now: Date,
  lock: boolean,
): Promise<UsableSetupLink> {
  const { rows } = await db.query<{
    id: string;
    expires_at: Date;
    used_at: Date | null;
    replaced_at: Date | null;
    user_id: string;
    username: string;
    name: string;
    role: Role;
    deactivated_at: Date | null;
  }>(lock ? `${selectLink} FOR UPDATE OF l` : selectLink, [hashSetupToken(token)]);
  const link = rows[0];
  if (link === undefined || link.deactivated_at !== null) throw refused('unknown');
  if (link.used_at !== null || link.replaced_at !== null) throw refused('used');
  if (link.expires_at.getTime() <= now.getTime()) throw refused('expired');
  return {
    id: link.id,
    expiresAt: link.expires_at,
    user: { id: link.user_id, username: link.username, name: link.name, role: link.role },
  };
}

function refused(reason: SetupLinkRefusal): AppError {
  return new AppError('validation_failed', messages[reason], {
    issues: [{ path: '/token', message: messages[reason] }],
    reason,
  });
}
