import type { ReactNode } from 'react';
import type { MessageKey } from './strings-en';
import type { Role } from './types';

/**
 * One page of the console. Each area (`runbooks/`, `services/`, `admin/` …) exports its pages as
 * a list of these; `app.tsx` shows the first whose pattern matches the whole pathname.
 */
export interface ConsoleRoute {
  /** Matched against the pathname (anchor it: `^/runbooks/([^/]+)$`). */
  pattern: RegExp;
  /** The page, given the pattern's capture groups, URL-decoded. */
  render: (params: readonly string[]) => ReactNode;
  /** A link in the top bar, for the pages people go to directly; hidden below `minRole`. */
  nav?: { to: string; label: MessageKey; minRole?: Role };
}

const rank: Record<Role, number> = { viewer: 0, responder: 1, admin: 2 };

/** Whether `role` (as the session names it) is at least `minRole`. */
export function hasRole(role: string, minRole: Role): boolean {
  return role in rank && rank[role as Role] >= rank[minRole];
}

/** The route for `pathname` and its decoded parameters, or null. */
export function matchRoute(
  routes: readonly ConsoleRoute[],
  pathname: string,
): { route: ConsoleRoute; params: string[] } | null {
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    // A group that took no part in the match (`(a)?`) is undefined, whatever the type says.
    if (match !== null)
      return { route, params: match.slice(1).map((part: string | undefined) => decodeURIComponent(part ?? '')) };
  }
  return null;
}
