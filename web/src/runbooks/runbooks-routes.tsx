import type { ConsoleRoute } from '../console-route';

/** The runbooks pages of the console. */
export const runbooksRoutes: readonly ConsoleRoute[] = [];
