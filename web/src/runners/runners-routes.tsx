import type { ConsoleRoute } from '../console-route';
import { RunnersPage } from './runners-page';

/**
 * The runners page, under `/admin` beside the other admin pages (its menu entry is in
 * `admin-layout.tsx`). The banner about runners is not a page: `app.tsx` shows it above all of them.
 */
export const runnersRoutes: readonly ConsoleRoute[] = [
  { pattern: /^\/admin\/runners\/?$/, render: () => <RunnersPage /> },
];
