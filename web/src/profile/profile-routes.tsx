import { lazy, Suspense, type ReactNode } from 'react';
import type { ConsoleRoute } from '../console-route';

// Loaded when first opened: one sets a profile up once in a while, and the first page must stay light.
const MyProfilePage = lazy(() => import('./profile-pages').then((module) => ({ default: module.MyProfilePage })));
const UserProfilePage = lazy(() => import('./profile-pages').then((module) => ({ default: module.UserProfilePage })));

const loading = (page: ReactNode) => <Suspense fallback={<p aria-busy="true">…</p>}>{page}</Suspense>;

/** The profile pages: one's own (a link in the header for everyone), and an admin's view of anyone's. */
export const profileRoutes: readonly ConsoleRoute[] = [
  {
    pattern: /^\/profile\/?$/,
    render: () => loading(<MyProfilePage />),
    nav: { to: '/profile', label: 'profile.nav' },
  },
  { pattern: /^\/admin\/users\/([^/]+)\/?$/, render: ([id = '']) => loading(<UserProfilePage key={id} id={id} />) },
];
