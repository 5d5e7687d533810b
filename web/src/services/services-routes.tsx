import type { ConsoleRoute } from '../console-route';

/** The services pages of the console. */
export const servicesRoutes: readonly ConsoleRoute[] = [];
