import type { ConsoleRoute } from '../console-route';
import { lazyPage } from '../lazy-page';

// Loaded when first opened: probes are set up once, and the first page must stay light.
const ProbesPage = lazyPage(() => import('./probes-page').then((module) => module.ProbesPage));
const ProbePage = lazyPage(() => import('./probe-page').then((module) => module.ProbePage));
const ProbeEditPage = lazyPage(() => import('./probe-edit-page').then((module) => module.ProbeEditPage));

/** The probes pages: the list, a new probe (before `:id`, which would take `new` for an id), one probe, its editor. */
export const probesRoutes: readonly ConsoleRoute[] = [
  { pattern: /^\/probes\/?$/, render: () => <ProbesPage /> },
  { pattern: /^\/probes\/new\/?$/, render: () => <ProbeEditPage /> },
  { pattern: /^\/probes\/([^/]+)\/edit\/?$/, render: ([id = '']) => <ProbeEditPage key={id} id={id} /> },
  // The key remounts the page when going from one probe to another: no stale state.
  { pattern: /^\/probes\/([^/]+)\/?$/, render: ([id = '']) => <ProbePage key={id} id={id} /> },
];
