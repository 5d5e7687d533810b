import { lazy, Suspense } from 'react';
import type { ConsoleRoute } from '../console-route';

// Loaded when first opened: channels are set up once, and the first page must stay light.
const ChannelsPage = lazy(() => import('./channels-page').then((module) => ({ default: module.ChannelsPage })));

/** The notification channels page (admin area). */
export const channelsRoutes: readonly ConsoleRoute[] = [
  {
    pattern: /^\/admin\/notification-channels\/?$/,
    render: () => (
      <Suspense fallback={<p aria-busy="true">…</p>}>
        <ChannelsPage />
      </Suspense>
    ),
  },
];
