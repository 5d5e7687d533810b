import type { ConsoleRoute } from '../console-route';
import { lazyPage } from '../lazy-page';
import { OnCallPage } from './on-call-page';
import { ServicePage } from './service-page';
import { ServicesPage } from './services-page';

// Only admins edit the catalogue: the editor's code is fetched when one opens it.
const ServiceEditPage = lazyPage(() => import('./service-edit-page').then((module) => module.ServiceEditPage));

/**
 * The services pages of the console: the catalogue with each service's health, one service, on
 * call, and the editor. `/services/new` comes before `/services/:id`, which would take it for an id.
 */
export const servicesRoutes: readonly ConsoleRoute[] = [
  { pattern: /^\/services\/?$/, render: () => <ServicesPage />, nav: { to: '/services', label: 'services.nav' } },
  { pattern: /^\/services\/new\/?$/, render: () => <ServiceEditPage /> },
  { pattern: /^\/services\/([^/]+)\/edit\/?$/, render: ([id = '']) => <ServiceEditPage key={id} id={id} /> },
  // The key remounts the page when going from one service to another: no stale state.
  { pattern: /^\/services\/([^/]+)\/?$/, render: ([id = '']) => <ServicePage key={id} id={id} /> },
  { pattern: /^\/on-call\/?$/, render: () => <OnCallPage />, nav: { to: '/on-call', label: 'services.onCallNav' } },
];
