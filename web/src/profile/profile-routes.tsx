import type { ConsoleRoute } from '../console-route';
import { lazyPage } from '../lazy-page';

// Loaded when first opened: one sets a profile up once in a while, and the first page must stay light.
const MyProfilePage = lazyPage(() => import('./profile-pages').then((module) => module.MyProfilePage));
const UserProfilePage = lazyPage(() => import('./profile-pages').then((module) => module.UserProfilePage));

/** The profile pages: one's own (a link in the header for everyone), and an admin's view of anyone's. */
export const profileRoutes: readonly ConsoleRoute[] = [
  {
    pattern: /^\/profile\/?$/,
    render: () => <MyProfilePage />,
    nav: { to: '/profile', label: 'profile.nav' },
  },
  { pattern: /^\/admin\/users\/([^/]+)\/?$/, render: ([id = '']) => <UserProfilePage key={id} id={id} /> },
];
