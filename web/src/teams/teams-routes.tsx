import type { ConsoleRoute } from '../console-route';
import { lazyPage } from '../lazy-page';

// An admin page opened now and then: its code is fetched when it is.
const TeamsPage = lazyPage(() => import('./teams-page').then((module) => module.TeamsPage));

/** The teams page, inside the admin area (its frame and menu are the admin area's). */
export const teamsRoutes: readonly ConsoleRoute[] = [{ pattern: /^\/admin\/teams\/?$/, render: () => <TeamsPage /> }];
