import type { ConsoleRoute } from '../console-route';
import { lazyPage } from '../lazy-page';

// Loaded when first visited: the incident list (the first page) does not carry the editor.
const SchedulesPage = lazyPage(() => import('./schedules-page').then((m) => m.SchedulesPage));
const SchedulePage = lazyPage(() => import('./schedule-page').then((m) => m.SchedulePage));
const ScheduleEditPage = lazyPage(() => import('./schedule-edit-page').then((m) => m.ScheduleEditPage));

/**
 * The schedule pages: the list and the editor in the admin area, and one schedule (its two weeks,
 * overrides and swaps) for everyone. `new` comes before `:id/edit`, which it cannot match anyway.
 */
export const schedulesRoutes: readonly ConsoleRoute[] = [
  { pattern: /^\/admin\/schedules\/?$/, render: () => <SchedulesPage /> },
  { pattern: /^\/admin\/schedules\/new\/?$/, render: () => <ScheduleEditPage id={null} /> },
  {
    pattern: /^\/admin\/schedules\/([^/]+)\/edit\/?$/,
    render: ([id = '']) => <ScheduleEditPage key={id} id={id} />,
  },
  { pattern: /^\/schedules\/([^/]+)\/?$/, render: ([id = '']) => <SchedulePage key={id} id={id} /> },
];
