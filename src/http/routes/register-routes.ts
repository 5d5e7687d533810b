import type { App, HttpDeps } from '../http-deps.js';
import { registerHealthRoutes } from './health-routes.js';
import { registerIncidentRoutes } from './incidents-routes.js';

/** Every domain's routes module, in one list. */
const routeModules: ((app: App, deps: HttpDeps) => Promise<void>)[] = [registerHealthRoutes, registerIncidentRoutes];

export async function registerRoutes(app: App, deps: HttpDeps): Promise<void> {
  for (const register of routeModules) await register(app, deps);
}
