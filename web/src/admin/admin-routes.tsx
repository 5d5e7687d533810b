import type { ConsoleRoute } from '../console-route';
import { lazyPage } from '../lazy-page';
import { AdminHome } from './admin-home';
import { AuditPage } from './audit-page';
import { IntegrationsPage } from './integrations-page';
import { MaintenancePage } from './maintenance-page';
import { SilencesPage } from './silences-page';
import { TokensPage } from './tokens-page';
import { UsersPage } from './users-page';

// Setting one integration up is rare: its page loads when first opened.
const IntegrationPage = lazyPage(() => import('./integration-page').then((module) => module.IntegrationPage));

/**
 * The admin pages of the console. Each page checks the role itself (a link typed or bookmarked
 * skips the menu); the server refuses anyway. Responders get their own menu entry for muting:
 * they may silence and plan maintenance, and should not have to know the URL at 3 a.m.
 */
export const adminRoutes: readonly ConsoleRoute[] = [
  { pattern: /^\/admin\/?$/, render: () => <AdminHome />, nav: { to: '/admin', label: 'admin.nav', minRole: 'admin' } },
  { pattern: /^\/admin\/users\/?$/, render: () => <UsersPage /> },
  { pattern: /^\/admin\/tokens\/?$/, render: () => <TokensPage /> },
  { pattern: /^\/admin\/integrations\/?$/, render: () => <IntegrationsPage /> },
  { pattern: /^\/admin\/integrations\/([^/]+)\/?$/, render: ([id = '']) => <IntegrationPage key={id} id={id} /> },
  {
    pattern: /^\/admin\/silences\/?$/,
    render: () => <SilencesPage />,
    nav: { to: '/admin/silences', label: 'admin.nav.muting', minRole: 'responder' },
  },
  { pattern: /^\/admin\/maintenance\/?$/, render: () => <MaintenancePage /> },
  { pattern: /^\/admin\/audit\/?$/, render: () => <AuditPage /> },
];
