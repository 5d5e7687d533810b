import type { ConsoleRoute } from '../console-route';
import { PostmortemPage } from './postmortem-page';
import { PostmortemsListPage } from './postmortems-list-page';

/** The postmortems pages of the console: the list, and one incident's post-mortem. */
export const postmortemsRoutes: readonly ConsoleRoute[] = [
  {
    pattern: /^\/postmortems\/?$/,
    render: () => <PostmortemsListPage />,
    nav: { to: '/postmortems', label: 'postmortems.nav' },
  },
  // The key remounts the page from one incident to another: no stale edits carried over.
  { pattern: /^\/postmortems\/([^/]+)\/?$/, render: ([id = '']) => <PostmortemPage key={id} incidentId={id} /> },
];
