import type { ConsoleRoute } from '../console-route';

/** The postmortems pages of the console. */
export const postmortemsRoutes: readonly ConsoleRoute[] = [];
