import type { ConsoleRoute } from '../console-route';
import { lazyPage } from '../lazy-page';

// Loaded when first opened: channels are set up once, and the first page must stay light.
const ChannelsPage = lazyPage(() => import('./channels-page').then((module) => module.ChannelsPage));

/** The notification channels page (admin area). */
export const channelsRoutes: readonly ConsoleRoute[] = [
  { pattern: /^\/admin\/notification-channels\/?$/, render: () => <ChannelsPage /> },
];
