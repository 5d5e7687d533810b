import type { ConsoleRoute } from '../console-route';

/** The reports pages of the console. */
export const reportsRoutes: readonly ConsoleRoute[] = [];
