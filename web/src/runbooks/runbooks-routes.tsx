import type { ConsoleRoute } from '../console-route';
import { RunbookImportPage } from './runbook-import-page';
import { RunbookLibrary } from './runbook-library';
import { RunbookPage } from './runbook-page';

/**
 * The runbooks pages of the console: the library, the import, one runbook. `/runbooks/import`
 * comes before `/runbooks/:id`, which would otherwise take "import" for a runbook's id.
 */
export const runbooksRoutes: readonly ConsoleRoute[] = [
  { pattern: /^\/runbooks\/?$/, render: () => <RunbookLibrary />, nav: { to: '/runbooks', label: 'runbooks.nav' } },
  { pattern: /^\/runbooks\/import\/?$/, render: () => <RunbookImportPage /> },
  // The key remounts the page from one runbook to another: no stale versions or diff.
  { pattern: /^\/runbooks\/([^/]+)\/?$/, render: ([id = '']) => <RunbookPage key={id} id={id} /> },
];
