import { lazy, Suspense, type ReactNode } from 'react';
import type { ConsoleRoute } from '../console-route';
import { useI18n } from '../i18n';

// Loaded when first visited: the incident list (the first page) does not carry the editor.
const SchedulesPage = lazy(() => import('./schedules-page').then((m) => ({ default: m.SchedulesPage })));
const SchedulePage = lazy(() => import('./schedule-page').then((m) => ({ default: m.SchedulePage })));
const ScheduleEditPage = lazy(() => import('./schedule-edit-page').then((m) => ({ default: m.ScheduleEditPage })));

function Loading() {
  const { t } = useI18n();
  return <p>{t('app.loading')}</p>;
}

const later = (page: ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;

/**
 * The schedule pages: the list and the editor in the admin area, and one schedule (its two weeks,
 * overrides and swaps) for everyone. `new` comes before `:id/edit`, which it cannot match anyway.
 */
export const schedulesRoutes: readonly ConsoleRoute[] = [
  { pattern: /^\/admin\/schedules\/?$/, render: () => later(<SchedulesPage />) },
  { pattern: /^\/admin\/schedules\/new\/?$/, render: () => later(<ScheduleEditPage id={null} />) },
  {
    pattern: /^\/admin\/schedules\/([^/]+)\/edit\/?$/,
    render: ([id = '']) => later(<ScheduleEditPage key={id} id={id} />),
  },
  { pattern: /^\/schedules\/([^/]+)\/?$/, render: ([id = '']) => later(<SchedulePage key={id} id={id} />) },
];
