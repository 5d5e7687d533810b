import type { ConsoleRoute } from '../console-route';
import { ReportsPage } from './reports-page';

/** The reports pages of the console. */
export const reportsRoutes: readonly ConsoleRoute[] = [
  { pattern: /^\/reports\/?$/, render: () => <ReportsPage />, nav: { to: '/reports', label: 'reports.nav' } },
];
