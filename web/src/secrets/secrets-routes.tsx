import type { ConsoleRoute } from '../console-route';
import { lazyPage } from '../lazy-page';

// Admin pages opened now and then: their code is fetched when they are.
const SecretsPage = lazyPage(() => import('./secrets-page').then((module) => module.SecretsPage));
const SqlConnectionsPage = lazyPage(() => import('./sql-connections-page').then((module) => module.SqlConnectionsPage));

/** The secrets and SQL connections pages, inside the admin area (menu entries in `admin-layout.tsx`). */
export const secretsRoutes: readonly ConsoleRoute[] = [
  { pattern: /^\/admin\/secrets\/?$/, render: () => <SecretsPage /> },
  { pattern: /^\/admin\/sql-connections\/?$/, render: () => <SqlConnectionsPage /> },
];
