import type { ConsoleRoute } from '../console-route';

/** The admin pages of the console. */
export const adminRoutes: readonly ConsoleRoute[] = [];
