import type { ConsoleRoute } from '../console-route';
import { OnCallPage } from './on-call-page';
import { ServicePage } from './service-page';
import { ServicesPage } from './services-page';

/** The services pages of the console: the catalogue with each service's health, one service, on call. */
export const servicesRoutes: readonly ConsoleRoute[] = [
  { pattern: /^\/services\/?$/, render: () => <ServicesPage />, nav: { to: '/services', label: 'services.nav' } },
  // The key remounts the page when going from one service to another: no stale state.
  { pattern: /^\/services\/([^/]+)\/?$/, render: ([id = '']) => <ServicePage key={id} id={id} /> },
  { pattern: /^\/on-call\/?$/, render: () => <OnCallPage />, nav: { to: '/on-call', label: 'services.onCallNav' } },
];
